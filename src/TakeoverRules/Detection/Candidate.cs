namespace TakeoverRules.Detection;

/// <summary>An indicator that fired, before it becomes an <see cref="IndicatorHit"/> (only if the decision needs one).</summary>
internal readonly record struct Candidate(IndicatorId Id, double Llr, double Observed, double Threshold)
{
    /// <summary>The evidence as risk points.</summary>
    public int Points => EvidenceModel.Points(Llr);

    /// <summary>This customer's own rate of the trait, when the indicator judges against it.</summary>
    public double? Baseline { get; init; }

    public double? Minutes { get; init; }
    public string? Subject { get; init; }
    public double? AmountJpy { get; init; }
    public IndicatorId? Cause { get; init; }
    public string? E1 { get; init; }
    public string? E2 { get; init; }
    public string? E3 { get; init; }
    public string[]? Evidence { get; init; }

    /// <summary>Whether this instance is too common among honest customers to anchor a hold (e.g. a rotation into blue chips).</summary>
    public bool Weak { get; init; }

    public IndicatorHit ToHit()
    {
        var evidence = Evidence ?? Collect(E1, E2, E3);
        return new IndicatorHit(Id, IndicatorCatalog.Get(Id).Severity, Points, evidence, Observed, Threshold)
        {
            Minutes = Minutes,
            Subject = Subject,
            AmountJpy = AmountJpy,
            Cause = Cause,
            Baseline = Baseline,
        };
    }

    private static string[] Collect(string? a, string? b, string? c)
    {
        var list = new List<string>(3);
        foreach (var id in (ReadOnlySpan<string?>)[a, b, c])
        {
            if (id is not null && !list.Contains(id))
            {
                list.Add(id);
            }
        }

        return [.. list];
    }
}

/// <summary>
/// The indicators found for the event being judged, in the order the rules found them. One per detector, emptied at the
/// start of every event; only the evaluating call (under the detector's lock) touches it.
/// </summary>
internal sealed class CandidateBuffer
{
    private readonly Candidate[] _items = new Candidate[32];

    public int Count { get; private set; }

    public ReadOnlySpan<Candidate> Items => _items.AsSpan(0, Count);

    public void Clear() => Count = 0;

    /// <summary>Adds a candidate; beyond the capacity further ones are dropped (no event has come close).</summary>
    public void Add(in Candidate candidate)
    {
        if (Count < _items.Length)
        {
            _items[Count++] = candidate;
        }
    }

    /// <summary>The evidence found so far (nats).</summary>
    public double Evidence()
    {
        var total = 0.0;
        foreach (ref readonly var c in Items)
        {
            total += c.Llr;
        }

        return total;
    }
}
