/// The lexer files compiled into the binary (see `highlightFiles` in
/// Package.swift). A new language is a file in `assets/highlight`, its
/// names in `languages.yml`, and a line here and there.
enum Embedded {
    static let index = String(decoding: PackageResources.languages_yml, as: UTF8.self)

    static let files: [String: String] = [
        "c": text(PackageResources.c_yml),
        "console": text(PackageResources.console_yml),
        "cpp": text(PackageResources.cpp_yml),
        "csharp": text(PackageResources.csharp_yml),
        "css": text(PackageResources.css_yml),
        "diff": text(PackageResources.diff_yml),
        "docker": text(PackageResources.docker_yml),
        "go": text(PackageResources.go_yml),
        "hcl": text(PackageResources.hcl_yml),
        "html": text(PackageResources.html_yml),
        "ini": text(PackageResources.ini_yml),
        "java": text(PackageResources.java_yml),
        "javascript": text(PackageResources.javascript_yml),
        "json": text(PackageResources.json_yml),
        "kotlin": text(PackageResources.kotlin_yml),
        "liquid": text(PackageResources.liquid_yml),
        "lua": text(PackageResources.lua_yml),
        "make": text(PackageResources.make_yml),
        "markdown": text(PackageResources.markdown_yml),
        "nginx": text(PackageResources.nginx_yml),
        "php": text(PackageResources.php_yml),
        "plaintext": text(PackageResources.plaintext_yml),
        "python": text(PackageResources.python_yml),
        "ruby": text(PackageResources.ruby_yml),
        "rust": text(PackageResources.rust_yml),
        "sass": text(PackageResources.sass_yml),
        "scss": text(PackageResources.scss_yml),
        "shell": text(PackageResources.shell_yml),
        "sql": text(PackageResources.sql_yml),
        "swift": text(PackageResources.swift_yml),
        "terraform": text(PackageResources.terraform_yml),
        "toml": text(PackageResources.toml_yml),
        "typescript": text(PackageResources.typescript_yml),
        "xml": text(PackageResources.xml_yml),
        "yaml": text(PackageResources.yaml_yml),
    ]

    private static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
}
