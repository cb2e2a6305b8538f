import PublishAST
import PublishPipeline
import PublishStages
import Testing

@Suite("Stage lists and pipeline files")
struct StageListTests {
    @Test("Stages are named in a pipeline file and run in its order")
    func namedInOrder() throws {
        let pipeline = try MarkdownPipeline(yaml: "stages:\n  - east-asian-line-breaks\n", path: "p.yml")
        #expect(pipeline.stages.names == ["east-asian-line-breaks"])
    }

    @Test("An unknown stage is an error that names the nearest one")
    func unknownStageSuggestsNearest() {
        #expect {
            try MarkdownPipeline(yaml: "stages:\n  - east-asian-line-break\n", path: "p.yml")
        } throws: { error in
            "\(error)".contains("p.yml") && "\(error)".contains("did you mean `east-asian-line-breaks`?")
        }
    }

    @Test("An unknown option of a stage is an error")
    func unknownOption() {
        #expect {
            try StageList(yaml: .sequence([.mapping(YAMLMapping([.init(key: "east-asian-line-breaks",
                value: .mapping(YAMLMapping([.init(key: "color", value: .string("red"))])))]))]))
        } throws: { error in
            "\(error)".contains("stage `east-asian-line-breaks` has no option `color`")
        }
    }

    @Test("The commonmark dialect runs no stages, whatever the file lists")
    func commonmarkRunsNothing() throws {
        let pipeline = try MarkdownPipeline(yaml: "markdown:\n  dialect: commonmark\nstages: [east-asian-line-breaks]\n",
                                            path: "p.yml")
        #expect(pipeline.dialect == .commonmark && pipeline.stages.names.isEmpty)
    }

    @Test("An unknown dialect is an error")
    func unknownDialect() {
        #expect(throws: Diagnostic.self) { try MarkdownPipeline(yaml: "markdown:\n  dialect: kramdown\n", path: "p.yml") }
    }

    @Test("Bad YAML in a pipeline file is located")
    func badYAMLIsLocated() {
        #expect {
            try MarkdownPipeline(yaml: "stages:\n  - [unclosed\n", path: "p.yml")
        } throws: { error in
            "\(error)".hasPrefix("p.yml:") && "\(error)".contains("pipeline file")
        }
    }

    @Test("The built-in pipeline reads and lists only registered stages")
    func builtInPipelineReads() throws {
        let pipeline = try MarkdownPipeline.builtIn()
        #expect(pipeline.dialect == .gfm)
        #expect(!pipeline.stages.names.isEmpty)
        #expect(pipeline.stages.names.allSatisfy { StageRegistry.names.contains($0) })
    }
}
