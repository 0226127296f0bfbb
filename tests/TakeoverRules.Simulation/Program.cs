using System.Diagnostics;
using System.Globalization;
using TakeoverRules.Testing;
using TakeoverRules.Testing.Simulation;

// Generates a seeded brokerage population, evaluates it with the default detector and prints the quality report per
// attack variant and honest behaviour; --write also saves it as event-format files for `takeover scan`.
const string Usage = "usage: TakeoverRules.Simulation [--seed N] [--accounts N] [--days N] [--warm-days N] [--attack-share X] [--no-noise] [--markdown] [--write DIR] [--no-evaluate]";
var options = new PopulationOptions();
var markdown = false;
var evaluate = true;
string? write = null;
for (var i = 0; i < args.Length; i++)
{
    string Value(string name)
    {
        if (i + 1 >= args.Length)
        {
            Console.Error.WriteLine($"error: {name} needs a value");
            Environment.Exit(2);
        }

        return args[++i];
    }

    int Integer(string name)
    {
        var text = Value(name);
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            Console.Error.WriteLine($"error: {name} needs an integer (was '{text}')");
            Environment.Exit(2);
        }

        return value;
    }

    switch (args[i])
    {
        case "--seed": options.Seed = Integer("--seed"); break;
        case "--accounts": options.Accounts = Integer("--accounts"); break;
        case "--days": options.Days = Integer("--days"); break;
        case "--warm-days": options.WarmDays = Integer("--warm-days"); break;
        case "--attack-share":
            var share = Value("--attack-share");
            if (!double.TryParse(share, NumberStyles.Float, CultureInfo.InvariantCulture, out var s))
            {
                Console.Error.WriteLine($"error: --attack-share needs a number (was '{share}')");
                return 2;
            }

            options.AttackShare = s;
            break;
        case "--no-noise": options.DeliveryNoise = false; break;
        case "--markdown": markdown = true; break;
        case "--no-evaluate": evaluate = false; break;
        case "--write": write = Value("--write"); break;
        case "--help" or "-h":
            Console.WriteLine(Usage);
            return 0;
        default:
            Console.Error.WriteLine($"error: unknown argument '{args[i]}' (try --help)");
            return 2;
    }
}

var clock = Stopwatch.StartNew();
Population population;
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
var history = population.Scenario.Events.Count(e => e.IsHistory);
var timeline = population.Scenario.Events.Count - history;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"seed {options.Seed}: {population.Labels.Count:N0} accounts ({population.Labels.Count(l => l.IsAttacked):N0} attacked, {population.Waves.Count} waves), {options.Days} days from {population.FirstDay:yyyy-MM-dd}, {(options.WarmDays > 0 ? $"{options.WarmDays} days of warm history ({history:N0} events)" : "cold start")}; {timeline:N0} events judged"));
Console.WriteLine(string.Join(", ", population.Timeline.GroupBy(e => e.Type).OrderBy(g => g.Key).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {g.Count():N0}"))));
Console.WriteLine();
if (write is not null)
{
    population.WriteTo(write);
    Console.Error.WriteLine($"wrote {write}/events.jsonl, history.jsonl, instruments.json, labels.json");
}

if (evaluate)
{
    var start = clock.Elapsed;
    var result = population.Scenario.Evaluate();
    var evaluated = clock.Elapsed - start;
    var report = QualityReport.Measure(result, population);
    Console.Write(markdown ? report.ToMarkdown() : report.ToString());
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"evaluated in {evaluated.TotalSeconds:F1} s"));
}

Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated in {generated.TotalSeconds:F1} s (wall clock, for orientation only)"));
return 0;
