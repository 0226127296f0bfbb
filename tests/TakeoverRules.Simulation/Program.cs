using System.Diagnostics;
using System.Globalization;
using TakeoverRules.Testing;
using TakeoverRules.Testing.Simulation;

// Generates a seeded population, evaluates it with the default detector and prints the quality report.
// dotnet run -c Release --project tests/TakeoverRules.Simulation -- [--seed N] [--honest N] [--attacked N] [--days N] [--markdown]
var options = new PopulationOptions();
var markdown = false;
for (var i = 0; i < args.Length; i++)
{
    int Next(string name)
    {
        if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            Console.Error.WriteLine($"error: {name} needs an integer value");
            Environment.Exit(2);
        }

        return int.Parse(args[++i], CultureInfo.InvariantCulture);
    }

    switch (args[i])
    {
        case "--seed": options.Seed = Next("--seed"); break;
        case "--honest": options.HonestAccounts = Next("--honest"); break;
        case "--attacked": options.AttackedAccounts = Next("--attacked"); break;
        case "--days": options.Days = Next("--days"); break;
        case "--markdown": markdown = true; break;
        case "--help" or "-h":
            Console.WriteLine("usage: TakeoverRules.Simulation [--seed N] [--honest N] [--attacked N] [--days N] [--markdown]");
            return 0;
        default:
            Console.Error.WriteLine($"error: unknown argument '{args[i]}' (try --help)");
            return 2;
    }
}

var clock = Stopwatch.StartNew();
Scenario population;
try
{
    population = PopulationGenerator.Generate(options);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine("error: " + e.Message);
    return 2;
}

var generated = clock.Elapsed;
var result = population.Evaluate();
var evaluated = clock.Elapsed - generated;
var report = QualityReport.Measure(result);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"seed {options.Seed}, {options.HonestAccounts:N0} honest + {options.AttackedAccounts:N0} attacked accounts over {options.Days} days"));
Console.WriteLine();
Console.Write(markdown ? report.ToMarkdown() : report.ToString());
Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"generated in {generated.TotalSeconds:F1} s, evaluated in {evaluated.TotalSeconds:F1} s (wall clock, for orientation only)"));
return 0;
