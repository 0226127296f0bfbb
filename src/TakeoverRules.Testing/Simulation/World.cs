using TakeoverRules.Detection;

namespace TakeoverRules.Testing.Simulation;

/// <summary>What every account of one generation shares: the calendar, the instruments and their prices, the networks, the waves and new listings.</summary>
internal sealed class World
{
    public static readonly TimeSpan Jst = TimeSpan.FromHours(9);

    public World(PopulationOptions options, int attacked)
    {
        Options = options;
        TimelineStart = new DateTimeOffset(options.FirstDay.ToOffset(Jst).Date, Jst);
        Start = TimelineStart.AddDays(-options.WarmDays);
        End = TimelineStart.AddDays(options.Days);
        Universe = new Universe(new Random(options.Seed ^ 0x5eed), Math.Clamp(attacked / 30, 3, 24));
        Networks = new Networks();

        // New listings spread over the period; a listing is known from its first trading day.
        Ipos = Universe.Ipos.Select((ipo, i) => (ipo, TradingDayOnOrAfter(TimelineStart.AddDays(options.Days * (i + 0.5) / Universe.Ipos.Count)))).ToList();
    }

    public PopulationOptions Options { get; }

    /// <summary>Start of the generated events (warm history included).</summary>
    public DateTimeOffset Start { get; }

    /// <summary>Start of the judged period.</summary>
    public DateTimeOffset TimelineStart { get; }

    /// <summary>End of the judged period (exclusive).</summary>
    public DateTimeOffset End { get; }

    public Universe Universe { get; }

    public Networks Networks { get; }

    public List<WaveSpec> Waves { get; } = [];

    public IReadOnlyList<(Instrument Instrument, DateTimeOffset Listed)> Ipos { get; }

    public int TotalDays => (int)(End - Start).TotalDays;

    /// <summary>A symbol's price factor at a time: pumped names rise through their wave and fall back after it.</summary>
    public double PriceFactor(Instrument instrument, DateTimeOffset t)
    {
        var factor = 1.0;
        foreach (var w in Waves)
        {
            if (!ReferenceEquals(w.Symbol, instrument) || t < w.Start)
            {
                continue;
            }

            var end = w.Start + w.Span;
            factor *= t <= end
                ? 1 + (0.3 * (t - w.Start).TotalMinutes / w.Span.TotalMinutes)
                : 0.8 + (0.5 * Math.Exp(-(t - end).TotalHours / 8));
        }

        return factor;
    }

    public static DateTimeOffset Midnight(DateTimeOffset t)
    {
        var local = t.ToOffset(Jst);
        return new DateTimeOffset(local.Date, Jst);
    }

    public static bool IsWeekday(DateTimeOffset t) => t.ToOffset(Jst).DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    public static DateTimeOffset TradingDayOnOrAfter(DateTimeOffset t)
    {
        var day = Midnight(t);
        while (!IsWeekday(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>When an order placed at <paramref name="t"/> can first execute: now in a session, else the next open (JST sessions; no holidays).</summary>
    public static DateTimeOffset NextOpen(Instrument instrument, DateTimeOffset t)
    {
        // (open, close) in minutes after local midnight JST; US sessions start on a JST weekday evening and run past midnight.
        (int Open, int Close)[] sessions = instrument.Market switch
        {
            "TSE" => [(540, 690), (750, 930)],
            "HKEX" => [(630, 780), (840, 1020)],
            _ => [(1410, 1800)],
        };
        var day = Midnight(t);
        for (var d = -1; d < 7; d++)
        {
            var date = day.AddDays(d);
            if (!IsWeekday(date))
            {
                continue;
            }

            foreach (var (open, close) in sessions)
            {
                var o = date.AddMinutes(open);
                var c = date.AddMinutes(close);
                if (t < c)
                {
                    return t >= o ? t : o;
                }
            }
        }

        return t;
    }
}

/// <summary>A coordinated wave being generated.</summary>
internal sealed class WaveSpec
{
    public required string Id { get; init; }

    public required Instrument Symbol { get; init; }

    public required DateTimeOffset Start { get; init; }

    public required TimeSpan Span { get; init; }

    public List<string> Members { get; } = [];

    /// <summary>Attacker devices and relays shared across the wave's accounts.</summary>
    public required IReadOnlyList<string> Devices { get; init; }

    public required IReadOnlyList<(Net Net, int Host)> Relays { get; init; }
}
