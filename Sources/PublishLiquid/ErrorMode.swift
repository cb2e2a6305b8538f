/// How strictly markup is parsed, as Jekyll's `liquid: error_mode` and
/// liquid-ruby's `error_mode` say.
public enum ErrorMode: String, Sendable {
    /// Anything that does not parse is read the forgiving way, silently.
    case lax
    /// As lax, with a warning for each thing read the forgiving way.
    case warn
    /// Output and conditions must parse; the forgiving reading of other tags stays.
    case strict
    /// Every tag's markup must parse.
    case strict2
}
