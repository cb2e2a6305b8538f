# main.tf - a static site bucket behind a CDN
terraform {
  required_version = ">= 1.5.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }

  backend "s3" {
    bucket = "example-terraform-state"
    key    = "blog/terraform.tfstate"
    region = "eu-central-1"
    encrypt = true
  }
}

provider "aws" {
  region = var.region
}

variable "region" {
  description = "AWS region to deploy into"
  type        = string
  default     = "eu-central-1"
}

variable "domain" {
  type = string
}

variable "price_class" {
  default = "PriceClass_100"
}

/* The bucket that holds the generated files.
   Public access is blocked; the CDN reads it through an OAC. */
resource "aws_s3_bucket" "site" {
  bucket        = "blog-site-bucket"
  force_destroy = false

  tags = {
    Project     = "blog"
    Environment = "production"
    ManagedBy   = "terraform"
  }
}

resource "aws_s3_bucket_versioning" "site" {
  bucket = aws_s3_bucket.site.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id
  policy = <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Principal": {"Service": "cloudfront.amazonaws.com"},
    "Action": "s3:GetObject"
  }]
}
POLICY
}

resource "aws_cloudfront_distribution" "cdn" {
  enabled             = true
  is_ipv6_enabled     = true
  default_root_object = "index.html"
  aliases             = ["www.example.com", "example.com"]
  web_acl_id          = null

  default_cache_behavior {
    allowed_methods  = ["GET", "HEAD"]
    cached_methods   = ["GET", "HEAD"]
    target_origin_id = "s3-site"
    min_ttl          = 0
    default_ttl      = 3600
    max_ttl          = 86400
    compress         = true
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }
}

output "bucket_name" {
  value = aws_s3_bucket.site.bucket
}

job "blog" {
  datacenters = ["dc1"]
  group "web" {
    count = 2
    task "nginx" {
      driver = "docker"
      config {
        image = "nginx:1.25"
        ports = ["http"]
      }
      resources {
        cpu    = 500
        memory = 256
      }
    }
  }
}
