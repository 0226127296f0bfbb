using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using TakeoverRules.Detection;
using TakeoverRules.Testing;
using TakeoverRules.Testing.Simulation;

// Generates a seeded brokerage population, evaluates it with the default detector and prints the quality report per
// attack variant and honest behaviour; --write also saves it as event-format files for `takeover scan`, and --score FILE
// scores a decisions file (e.g. scan's output on those files) instead of the in-process detector.
const string usage = "usage: TakeoverRules.Simulation [--seed N] [--accounts N] [--days N] [--warm-days N] [--attack-share X] [--no-noise] [--markdown] [--write DIR] [--score DECISIONS.jsonl] [--no-evaluate]";
var options = new PopulationOptions();
var markdown = false;
var evaluate = true;
string? write = null;
string? score = null;
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
        case "--score": score = Value("--score"); break;
        case "--help" or "-h":
            Console.WriteLine(usage);
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
    var result = score is null ? population.Scenario.Evaluate() : population.Scenario.Evaluate(FromFile(score));
    var evaluated = clock.Elapsed - start;
    var report = QualityReport.Measure(result, population);
    Console.Write(markdown ? report.ToMarkdown() : report.ToString());
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"evaluated in {evaluated.TotalSeconds:F1} s"));
}

Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated in {generated.TotalSeconds:F1} s (wall clock, for orientation only)"));
return 0;

// The decisions of a file, by event id (the strictest when an id has several lines); an event without a line is allowed,
// and a repeated delivery of an event gets no second decision, as the contract says duplicates are ignored.
static Func<AccountEvent, Decision> FromFile(string path)
{
    var kinds = new Dictionary<string, DecisionKind>(StringComparer.Ordinal);
    foreach (var line in File.ReadLines(path))
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            continue;
        }

        using var doc = JsonDocument.Parse(line);
        var id = doc.RootElement.GetProperty("eventId").GetString()!;
        var kind = doc.RootElement.GetProperty("decision").GetString() switch
        {
            "freeze" => DecisionKind.Freeze,
            "hold" => DecisionKind.Hold,
            "review" => DecisionKind.Review,
            _ => DecisionKind.Allow,
        };
        kinds[id] = kinds.TryGetValue(id, out var seen) && seen > kind ? seen : kind;
    }

    var decided = new HashSet<string>(StringComparer.Ordinal);
    return e => new Decision(e.Id, e.Account, e.Time, e.Type, decided.Add(e.Id) ? kinds.GetValueOrDefault(e.Id, DecisionKind.Allow) : DecisionKind.Allow, 0, null);
}
