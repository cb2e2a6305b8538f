#!/usr/bin/env ruby
# frozen_string_literal: true

require "optparse"
require "json"
require_relative "lib/post"

# Builds a reading-time report for the posts in a Jekyll site.
module Blog
  class ReadingTime
    WORDS_PER_MINUTE = 238
    FRONT_MATTER = /\A---\s*\n(.*?)\n---\s*\n/m

    attr_reader :root, :posts

    def initialize(root, verbose: false)
      @root = File.expand_path(root)
      @verbose = verbose
      @posts = []
      @@count ||= 0
    end

    def self.run(argv = ARGV)
      options = { format: :text, limit: 10 }
      OptionParser.new do |opts|
        opts.banner = "Usage: reading_time [options] DIR"
        opts.on("-j", "--json", "Print JSON") { options[:format] = :json }
        opts.on("-n N", Integer, "Show N posts") { |n| options[:limit] = n }
      end.parse!(argv)

      report = new(argv.first || ".").scan
      puts report.render(**options)
    rescue Errno::ENOENT => e
      warn "reading_time: #{e.message}"
      exit 1
    end

    def scan
      Dir.glob(File.join(root, "_posts", "**", "*.{md,markdown}")).sort.each do |path|
        text = File.read(path, encoding: "utf-8")
        body = text.sub(FRONT_MATTER, "")
        words = body.split(/\s+/).reject(&:empty?).size
        @posts << { path: path, words: words, minutes: (words / WORDS_PER_MINUTE.to_f).ceil }
        $stderr.puts "scanned #{path} (#{words} words)" if @verbose
      end
      self
    end

    def render(format: :text, limit: 10)
      top = posts.sort_by { |post| -post[:words] }.first(limit)
      case format
      when :json then JSON.pretty_generate(top)
      when :text
        top.map.with_index(1) do |post, i|
          format("%2d. %-40s %5d words, %d min", i, File.basename(post[:path]), post[:words], post[:minutes])
        end.join("\n")
      else
        raise ArgumentError, "unknown format: #{format.inspect}"
      end
    end

    def total_minutes = posts.sum { |p| p[:minutes] }

    def to_s
      "#<ReadingTime #{root} posts=#{posts.length}>"
    end

    private

    def slug_for(path)
      File.basename(path, ".*").sub(/^\d{4}-\d{2}-\d{2}-/, "").tr("_", "-")
    end

    def summary
      <<~TEXT
        Posts:   #{posts.size}
        Minutes: #{total_minutes}
        Longest: #{posts.max_by { |p| p[:words] }&.fetch(:path, "none")}
      TEXT
    end
  end
end

TAGS = %w[ruby jekyll cli].freeze
PATTERN = %r{^/(\d+)/(\d+)/([\w-]+)\.html$}i

if __FILE__ == $PROGRAM_NAME
  Blog::ReadingTime.run
  exit 0 unless ENV.key?("DEBUG")
  p TAGS, PATTERN, 0x1F, 1_000_000, 3.14e-2, 0b1010, 0o17, ?a
  x = 5 > 3 ? "yes" : "no"
  puts 'single \'quoted\' string', :"dynamic #{x}", `uname -s`
end
