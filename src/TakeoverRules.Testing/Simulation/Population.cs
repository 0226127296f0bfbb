using System.Text.Json;
using TakeoverRules.Detection;
using TakeoverRules.Detection.Format;

namespace TakeoverRules.Testing.Simulation;

/// <summary>
/// A generated brokerage population (<see cref="PopulationGenerator.Generate"/>): the event stream as a <see cref="Testing.Scenario"/>
/// (warm history first, flagged <see cref="ScenarioEvent.IsHistory"/>; then the judged period in delivery order, late and
/// duplicate deliveries included), the instrument reference data, and the ground truth of every account.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class Population
{
    internal Population(PopulationOptions options, Scenario scenario, IReadOnlyList<AccountLabel> labels, IReadOnlyList<PopulationWave> waves, IReadOnlyList<string> ipoSymbols, IReadOnlyList<string> targetSymbols)
    {
        Seed = options.Seed;
        FirstDay = scenario.Start;
        Days = options.Days;
        WarmDays = options.WarmDays;
        Scenario = scenario;
        Labels = labels;
        Waves = waves;
        IpoSymbols = ipoSymbols;
        TargetSymbols = targetSymbols;
    }

    /// <summary>The seed it was generated from.</summary>
    public int Seed { get; }

    /// <summary>Start of the judged period (00:00 JST of its first day).</summary>
    public DateTimeOffset FirstDay { get; }

    /// <summary>Days in the judged period.</summary>
    public int Days { get; }

    /// <summary>Days of warm history before <see cref="FirstDay"/> (0: cold start).</summary>
    public int WarmDays { get; }

    /// <summary>Every event with its ground truth; evaluate it with <see cref="ScenarioEvaluation.Evaluate(Testing.Scenario, DetectorOptions?)"/>.</summary>
    public Scenario Scenario { get; }

    /// <summary>The ground truth of every account, in the order of <see cref="Scenario"/>'s accounts.</summary>
    public IReadOnlyList<AccountLabel> Labels { get; }

    /// <summary>The coordinated waves: many taken-over accounts buying one thin name within an hour or two.</summary>
    public IReadOnlyList<PopulationWave> Waves { get; }

    /// <summary>New listings traded in the period that are missing from the reference data.</summary>
    public IReadOnlyList<string> IpoSymbols { get; }

    /// <summary>The thin names most attacks buy (some honest speculators hold and buy them too).</summary>
    public IReadOnlyList<string> TargetSymbols { get; }

    /// <summary>The warm-history events, in time order (empty for a cold start).</summary>
    public IEnumerable<AccountEvent> History => Scenario.Events.Where(e => e.IsHistory).Select(e => e.Event);

    /// <summary>The judged period's events in delivery order, duplicates and late deliveries included.</summary>
    public IEnumerable<AccountEvent> Timeline => Scenario.Events.Where(e => !e.IsHistory).Select(e => e.Event);

    /// <summary>
    /// Writes the population as files a broker's tools read: <c>events.jsonl</c> (the judged period, event format v1),
    /// <c>history.jsonl</c> (the warm history, empty for a cold start), <c>instruments.json</c> (the reference data, a JSON
    /// array) and <c>labels.json</c> (the ground truth: per account its behaviours, attack variant, malicious event ids
    /// and first malicious buy; plus the waves, targets and new listings).
    /// </summary>
    /// <param name="directory">The directory; created when missing; existing files are replaced.</param>
    public void WriteTo(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory.CreateDirectory(directory);
        WriteEvents(Path.Combine(directory, "events.jsonl"), Timeline);
        WriteEvents(Path.Combine(directory, "history.jsonl"), History);
        using (var stream = File.Create(Path.Combine(directory, "instruments.json")))
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartArray();
            foreach (var i in Scenario.Instruments)
            {
                json.WriteStartObject();
                json.WriteString("symbol", i.Symbol);
                json.WriteString("market", i.Market);
                json.WriteString("currency", i.Currency);
                json.WriteNumber("lastPrice", i.LastPrice);
                json.WriteNumber("lastPriceJpy", i.LastPriceJpy);
                json.WriteNumber("avgDailyTurnoverJpy", i.AvgDailyTurnoverJpy);
                json.WriteNumber("lotSize", i.LotSize);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        using (var stream = File.Create(Path.Combine(directory, "labels.json")))
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            WriteLabels(json);
        }
    }

    private static void WriteEvents(string path, IEnumerable<AccountEvent> events)
    {
        using var stream = File.Create(path);
        using var writer = new EventWriter(stream);
        foreach (var e in events)
        {
            writer.Write(e);
        }
    }

    private void WriteLabels(Utf8JsonWriter json)
    {
        static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
        {
            json.WriteStartArray(name);
            foreach (var v in values)
            {
                json.WriteStringValue(v);
            }

            json.WriteEndArray();
        }

        json.WriteStartObject();
        json.WriteStartObject("meta");
        json.WriteNumber("seed", Seed);
        json.WriteString("firstDay", FirstDay);
        json.WriteNumber("days", Days);
        json.WriteNumber("warmDays", WarmDays);
        json.WriteNumber("accounts", Labels.Count);
        json.WriteNumber("attackedAccounts", Labels.Count(l => l.IsAttacked));
        Strings(json, "variants", PopulationGenerator.AttackVariants);
        Strings(json, "behaviours", PopulationGenerator.HonestBehaviours);
        Strings(json, "targetSymbols", TargetSymbols);
        Strings(json, "ipoSymbols", IpoSymbols);
        json.WriteEndObject();
        json.WriteStartArray("waves");
        foreach (var w in Waves)
        {
            json.WriteStartObject();
            json.WriteString("id", w.Id);
            json.WriteString("symbol", w.Symbol);
            json.WriteString("start", w.Start);
            json.WriteString("end", w.End);
            Strings(json, "accounts", w.Accounts);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("accounts");
        foreach (var l in Labels)
        {
            json.WriteStartObject();
            json.WriteString("account", l.Account);
            json.WriteBoolean("attacked", l.IsAttacked);
            Strings(json, "behaviours", l.Behaviours);
            if (l.OpenedAt is { } opened)
            {
                json.WriteString("openedAt", opened);
            }

            if (l.IsAttacked)
            {
                json.WriteString("variant", l.Variant);
                if (l.Style is not null)
                {
                    json.WriteString("style", l.Style);
                }

                if (l.WaveId is not null)
                {
                    json.WriteString("waveId", l.WaveId);
                }

                Strings(json, "targetSymbols", l.TargetSymbols);
                json.WriteString("firstMaliciousEventId", l.FirstMaliciousEventId);
                if (l.FirstMaliciousBuyEventId is not null)
                {
                    json.WriteString("firstMaliciousBuyEventId", l.FirstMaliciousBuyEventId);
                    json.WriteString("firstMaliciousBuyTime", l.FirstMaliciousBuyTime!.Value);
                }

                json.WriteNumber("maliciousBuyNotionalJpy", l.MaliciousBuyNotionalJpy);
                Strings(json, "maliciousEventIds", l.MaliciousEventIds);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}

/// <summary>The ground truth of one account of a <see cref="Population"/>.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record AccountLabel
{
    /// <summary>Account id.</summary>
    public required string Account { get; init; }

    /// <summary>Whether the account is taken over in the judged period.</summary>
    public required bool IsAttacked { get; init; }

    /// <summary>The attack variant (one of <see cref="PopulationGenerator.AttackVariants"/>); <see langword="null"/> for honest accounts.</summary>
    public string? Variant { get; init; }

    /// <summary>For a wave member, the style its attacker used (<c>classic-rotation</c>, <c>quiet</c>, <c>cash-only</c> or <c>test-order</c>); otherwise <see langword="null"/>.</summary>
    public string? Style { get; init; }

    /// <summary>The coordinated wave the account was part of, if any.</summary>
    public string? WaveId { get; init; }

    /// <summary>
    /// The customer's behaviours (names of <see cref="PopulationGenerator.HonestBehaviours"/>), also for victims, who are
    /// ordinary customers; empty when the customer shows none of them.
    /// </summary>
    public required IReadOnlyList<string> Behaviours { get; init; }

    /// <summary>When the account was opened, for accounts opened during the period; otherwise <see langword="null"/>.</summary>
    public DateTimeOffset? OpenedAt { get; init; }

    /// <summary>The symbols the attacker bought (empty for honest accounts and attacks without buys).</summary>
    public IReadOnlyList<string> TargetSymbols { get; init; } = [];

    /// <summary>Ids of every event the attacker caused (logins, setting changes, orders, executions, conversions, withdrawals).</summary>
    public IReadOnlyList<string> MaliciousEventIds { get; init; } = [];

    /// <summary>Id of the first malicious event; <see langword="null"/> for honest accounts.</summary>
    public string? FirstMaliciousEventId { get; init; }

    /// <summary>Event id of the first malicious buy order; <see langword="null"/> when the attacker bought nothing.</summary>
    public string? FirstMaliciousBuyEventId { get; init; }

    /// <summary>Time of the first malicious buy order.</summary>
    public DateTimeOffset? FirstMaliciousBuyTime { get; init; }

    /// <summary>Total yen value of the malicious buy orders.</summary>
    public decimal MaliciousBuyNotionalJpy { get; init; }
}

/// <summary>A coordinated wave of a <see cref="Population"/>: taken-over accounts buying one thin name within a short window.</summary>
/// <param name="Id">Wave id.</param>
/// <param name="Symbol">The pumped symbol.</param>
/// <param name="Start">First buy of the window.</param>
/// <param name="End">End of the window.</param>
/// <param name="Accounts">The member accounts.</param>
public sealed record PopulationWave(string Id, string Symbol, DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<string> Accounts);
