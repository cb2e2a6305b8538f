extension Environment {
    /// The tags and filters Jekyll 4.3 adds to Liquid: its `include` (read
    /// from `includes`, with `include.` parameters), `include_relative`
    /// (read from `siteFiles`, beside `page.path`) and its filters. The tags
    /// that need the site (`link`, `post_url`) are the site's to add.
    public static func jekyll(includes: any FileSystem, siteFiles: any FileSystem,
                              limits: Limits = Limits()) -> Environment {
        var environment = Environment(fileSystem: includes, limits: limits)
        environment.tags["include"] = JekyllInclude.parser
        environment.tags["include_relative"] = JekyllInclude.relativeParser(siteFiles: siteFiles)
        environment.filters.merge(JekyllFilters.all)
        environment.partials = PartialStore()
        return environment
    }
}
