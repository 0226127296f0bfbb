using System.Globalization;
using TakeoverRules.Links;

namespace TakeoverRules.Tests.Links;

/// <summary>The bar of issue 17: at least 99% of generated look-alikes detected, at most 0.5% of honest domains flagged.</summary>
public sealed class DetectionRateTests(ITestOutputHelper output)
{
    private readonly LinkChecker _checker = LinkChecker.Default;

    [Fact]
    public void At_least_99_percent_of_generated_lookalikes_of_every_kind_are_detected()
    {
        var lookalikes = LookalikeGenerator.All();
        var missed = lookalikes.Where(l => _checker.Check(l.Link).Verdict != LinkVerdict.Lookalike).ToList();
        var rate = 1.0 - (double)missed.Count / lookalikes.Count;

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"look-alikes: {lookalikes.Count}, detected {lookalikes.Count - missed.Count} ({rate:P2})"));
        foreach (var kind in lookalikes.GroupBy(l => l.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var kindMissed = kind.Count(l => missed.Contains(l));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {kind.Key}: {kind.Count() - kindMissed}/{kind.Count()}"));
        }

        foreach (var m in missed) output.WriteLine($"  missed {m.Kind} {m.Link} ({m.Official}): {_checker.Check(m.Link)}");
        lookalikes.Select(l => l.Official).Distinct().Should().HaveCount(LinkChecker.Default.OfficialDomains.Count, "every confirmed broker domain is imitated");
        rate.Should().BeGreaterThanOrEqualTo(0.99);
    }

    [Fact]
    public void At_most_half_a_percent_of_honest_domains_are_flagged_and_group_sites_come_out_related()
    {
        var honest = HonestDomains.All.ToList();
        var flagged = honest.Where(h => _checker.Check(h).Verdict == LinkVerdict.Lookalike).ToList();
        var rate = (double)flagged.Count / honest.Count;

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"honest: {honest.Count}, flagged {flagged.Count} ({rate:P2})"));
        foreach (var f in flagged) output.WriteLine($"  flagged {f}: {_checker.Check(f)}");
        var notRelated = HonestDomains.Related.Where(r => _checker.Check(r).Verdict != LinkVerdict.Related).ToList();
        foreach (var r in notRelated) output.WriteLine($"  not related {r}: {_checker.Check(r)}");

        rate.Should().BeLessThanOrEqualTo(0.005);
        notRelated.Should().BeEmpty();
    }
}
