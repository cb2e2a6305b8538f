# Static site on S3 behind CloudFront, with a small Lambda for redirects.
terraform {
  required_version = ">= 1.3.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }

  backend "s3" {
    bucket = "my-terraform-state"
    key    = "blog/terraform.tfstate"
    region = "eu-west-1"
  }
}

provider "aws" {
  region = var.region

  default_tags {
    tags = local.common_tags
  }
}

variable "region" {
  type        = string
  default     = "eu-west-1"
  description = "AWS region for everything except the certificate"
}

variable "domain" {
  type = string
}

variable "environments" {
  type    = list(string)
  default = ["staging", "production"]
}

locals {
  bucket_name = "${var.domain}-site"
  common_tags = {
    Project   = "blog"
    ManagedBy = "terraform"
  }
  subdomains = [for env in var.environments : "${env}.${var.domain}"]
  upper_envs = { for e in var.environments : e => upper(e) }
}

resource "aws_s3_bucket" "site" {
  bucket        = local.bucket_name
  force_destroy = false

  tags = merge(local.common_tags, {
    Name = "Site bucket for ${var.domain}"
  })
}

resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id
  policy = <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Principal": "*",
    "Action": "s3:GetObject",
    "Resource": "arn:aws:s3:::${local.bucket_name}/*"
  }]
}
POLICY
}

data "aws_iam_policy_document" "lambda_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com", "edgelambda.amazonaws.com"]
    }
  }
}

resource "aws_instance" "builder" {
  count         = 2
  ami           = data.aws_ami.ubuntu.id
  instance_type = "t3.micro"

  user_data = <<-EOT
    #!/bin/bash
    apt-get update -y
    echo "builder ${count.index}" > /etc/motd
  EOT

  tags = {
    Name = "builder-${count.index + 1}"
  }
}

module "cdn" {
  source  = "terraform-aws-modules/cloudfront/aws"
  version = "3.2.1"

  aliases             = local.subdomains
  price_class         = "PriceClass_100"
  default_root_object = "index.html"
  ttl                 = 3600
  compress            = true
}

output "site_url" {
  value       = "https://${var.domain}/"
  description = "Where the blog lives"
}

output "builder_ips" {
  value = aws_instance.builder[*].public_ip
}
