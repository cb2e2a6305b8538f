import ArgumentParser
import PublishPipeline

extension MarkdownPipeline.Dialect: ExpressibleByArgument {}
