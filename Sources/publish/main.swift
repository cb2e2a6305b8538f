import PublishCLI

await PublishCommand.start()
