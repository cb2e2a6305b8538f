/// The files of `pipelines/`, compiled into the binary so `publish` works
/// from any folder. The YAML stays the one source of truth: this target's
/// `default.yml` is a link to `pipelines/default.yml`.
public enum Defaults {
    /// The text of `pipelines/default.yml`.
    public static let pipeline = String(decoding: PackageResources.default_yml, as: UTF8.self)
}
