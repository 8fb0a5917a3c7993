using HealthCode.Cli;
using Spectre.Console;

return HcApp.Run(args, AnsiConsole.Console, Console.Error);
