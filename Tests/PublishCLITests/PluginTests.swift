import Foundation
import Testing

@Suite("Out-of-process plugins")
struct PluginTests {
    /// A stage plugin that upper-cases every text node, in Python.
    static let shout = """
        import json, sys
        document = json.load(sys.stdin)
        pending = list(document["content"])
        while pending:
            node = pending.pop()
            if node["type"] == "text":
                node["text"] = node["text"].upper()
            pending.extend(node.get("children", []))
        json.dump(document, sys.stdout)
        """

    /// An output plugin that keeps the site's JSON it was given.
    static let keep = "import os, sys\nopen(os.path.join(os.environ['PUBLISH_OUTPUT'], 'site.json'), 'w').write(sys.stdin.read())\n"

    @Test("An external stage rewrites every post; an external output gets the site as JSON")
    func stageAndOutput() throws {
        let site = try BuildCommandTests.Site([
            "shout.py": Self.shout, "keep.py": Self.keep,
            "publish.yml": "stages:\n  - shout:\n      command: python3 shout.py\noutputs:\n  dump:\n    command: python3 keep.py\n",
            "_posts/2014-06-16-a.md": "---\ntitle: A\n---\nquiet words\n",
        ])
        let run = try site.build()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(site.read("_site/2014/06/16/a.html")?.contains("<p>QUIET WORDS</p>") == true)
        let json = try #require(site.read("_site/dump/site.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let posts = try #require(object["posts"] as? [[String: Any]])
        #expect(posts.first?["url"] as? String == "/2014/06/16/a.html")
        #expect(json.contains("QUIET WORDS"))
    }

    @Test("A stage limited to one output changes only what that output sees")
    func stageLimitedToOutput() throws {
        let site = try BuildCommandTests.Site([
            "shout.py": Self.shout, "keep.py": Self.keep,
            "publish.yml": "stages:\n  - shout:\n      command: python3 shout.py\n      outputs: [dump]\noutputs:\n  dump:\n    command: python3 keep.py\n",
            "_posts/2014-06-16-a.md": "quiet words\n",
        ])
        let run = try site.build()
        #expect(run.status == 0, "\(run.stderr)")
        #expect(site.read("_site/2014/06/16/a.html")?.contains("<p>quiet words</p>") == true)
        #expect(site.read("_site/dump/site.json")?.contains("QUIET WORDS") == true)
    }

    @Test("A failing plugin fails the build and shows what it printed")
    func failingPlugin() throws {
        let site = try BuildCommandTests.Site([
            "fail.py": "import sys\nsys.stderr.write('plugin says no\\n')\nsys.exit(3)\n",
            "publish.yml": "stages:\n  - fail:\n      command: python3 fail.py\n",
            "_posts/2014-06-16-a.md": "A\n",
        ])
        let run = try site.build()
        #expect(run.status == 1)
        #expect(run.stderr.contains("_posts/2014-06-16-a.md: error: stage `fail` failed (exit status 3): plugin says no"),
                "\(run.stderr)")
    }

    @Test("A missing optional plugin is a warning; a missing required one is an error")
    func missingPlugin() throws {
        let optional = try BuildCommandTests.Site([
            "publish.yml": "outputs:\n  gone:\n    command: no-such-program-here\n    optional: true\n",
            "_posts/2014-06-16-a.md": "A\n",
        ])
        let soft = try optional.build()
        #expect(soft.status == 0 && soft.stderr.contains("warning: the command of output `gone`"), "\(soft.stderr)")
        let required = try BuildCommandTests.Site([
            "publish.yml": "outputs:\n  gone:\n    command: no-such-program-here\n",
            "_posts/2014-06-16-a.md": "A\n",
        ])
        let hard = try required.build()
        #expect(hard.status == 1 && hard.stderr.contains("set `optional: true` under `outputs.gone`"), "\(hard.stderr)")
    }

    @Test("The example site's plugins run: external links are marked, word counts are written")
    func examplePlugins() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("publish-example-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let run = try Publish.run(["build", "--source", root.appendingPathComponent("examples/site").path,
                                   "--output", output.path, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let counts = try Data(contentsOf: output.appendingPathComponent("word-counts/words.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: counts) as? [String: Any])
        #expect((object["posts"] as? [Any])?.count == 11)
    }
}
