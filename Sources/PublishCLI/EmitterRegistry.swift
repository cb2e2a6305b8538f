import PublishAST
import PublishAtom
import PublishEPUB
import PublishEmail
import PublishHTML
import PublishPipeline

/// Every output format by the name `--format` and `outputs` use. The core
/// never imports an emitter; this table is the one place that does. A new
/// format is a new folder and one line here.
enum EmitterRegistry {
    static let emitters: [any Emitter.Type] = [
        HTMLEmitter.self,
        AtomEmitter.self,
        EPUBEmitter.self,
        EmailEmitter.self,
    ]

    static func emitter(named name: String) -> (any Emitter.Type)? {
        emitters.first { $0.name == name }
    }

    static var names: [String] { emitters.map { $0.name } }
}
