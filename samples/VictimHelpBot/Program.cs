using System.Globalization;
using System.Text;
using TakeoverRules.Facts;
using VictimHelpBot;

// A help bot for a victim of a securities-account takeover: Japanese by default, English with --lang en.
// It reads answers from standard input, so it can be scripted: printf '1\n...' | dotnet run --project samples/VictimHelpBot
var culture = CultureInfo.GetCultureInfo("ja");
string? progressFile = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--lang" when i + 1 < args.Length && args[i + 1] is "ja" or "en":
            culture = CultureInfo.GetCultureInfo(args[++i]);
            break;
        case "--progress" when i + 1 < args.Length:
            progressFile = args[++i];
            break;
        case "-h" or "--help":
            Console.WriteLine("usage: VictimHelpBot [--lang ja|en] [--progress FILE]");
            Console.WriteLine("  --lang      the conversation's language (default ja)");
            Console.WriteLine("  --progress  keep the response checklist's progress in FILE and resume from it next time");
            return 0;
        default:
            Console.Error.WriteLine($"error: unknown or incomplete argument '{args[i]}'; try --help");
            return 2;
    }
}

Console.InputEncoding = Encoding.UTF8;
Console.OutputEncoding = Encoding.UTF8;
var bot = new HelpBot(new Dialog(Console.In, Console.Out, culture, echo: Console.IsInputRedirected), FactsRegistry.Embedded, TimeProvider.System, progressFile);
bot.Run();
return 0;
