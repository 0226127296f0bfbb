using TakeoverRules.Cli;

return CliApp.Run(args, CliConsole.System);
