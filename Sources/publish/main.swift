import PublishCLI
PublishCommand.main()
