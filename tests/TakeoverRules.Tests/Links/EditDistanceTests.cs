using CsCheck;
using TakeoverRules.Links;

namespace TakeoverRules.Tests.Links;

public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("nonnura", "nomura")]
    [InlineData("nornura", "nomura")]
    [InlineData("norrura", "nomura")]
    [InlineData("daivva", "daiwa")]
    [InlineData("cliclc", "click")]
    [InlineData("lcabu", "kabu")]
    [InlineData("sb1sec", "sbisec")]
    [InlineData("m0nex", "monex")]
    [InlineData("rnatsui", "matsui")]
    [InlineData("iwaicosrno", "iwaicosmo")]
    public void Two_letters_that_read_as_one_and_digits_that_read_as_letters_cost_nothing(string lookalike, string name)
    {
        EditDistance.Confusable(lookalike, name, 0).Should().Be(0);
        EditDistance.Confusable(name, lookalike, 0).Should().Be(0, "the skeleton distance is symmetric");
        EditDistance.Bounded(lookalike, name, 1).Should().BeGreaterThan(0, "the plain distance still sees the difference");
    }

    [Theory]
    [InlineData("money", "monex", 1)]
    [InlineData("mitsui", "matsui", 1)]
    [InlineData("monorail", "monex", 5)]
    [InlineData("nnnn", "m", 2)]
    public void Different_letters_still_cost_one_each(string a, string b, int distance)
    {
        EditDistance.Confusable(a, b, 5).Should().Be(distance);
    }

    [Fact]
    public void The_bounded_distances_agree_with_an_unbounded_reference_on_any_short_strings()
    {
        // A small alphabet full of look-alikes, so that pairs, swaps and early exits all happen.
        var text = Gen.String[Gen.Char["rnmvwcldkbhoi01sa-"], 0, 9];
        var spelt = Gen.Select(text, Gen.Int[0, 7], Gen.Int[0, 9]).Select((b, pairs, typo) => (Respell(b, pairs, typo), b));
        Gen.Select(Gen.OneOf(Gen.Select(text, text), spelt), Gen.Int[0, 3]).Sample((pair, max) =>
        {
            var (a, b) = pair;
            EditDistance.Confusable(a, b, max).Should().Be(Math.Min(Reference(a, b, confusable: true), max + 1), "confusable({0}, {1}, {2})", a, b, max);
            EditDistance.Bounded(a, b, max).Should().Be(Math.Min(Reference(a, b, confusable: false), max + 1), "bounded({0}, {1}, {2})", a, b, max);
            EditDistance.Confusable(a, b, max).Should().BeLessThanOrEqualTo(EditDistance.Bounded(a, b, max));
        }, iter: 20_000);
    }

    /// <summary>Writes some letters of <paramref name="b"/> as the pairs that look like them, and adds one letter now and then.</summary>
    private static string Respell(string b, int pairs, int typo)
    {
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < b.Length; i++)
        {
            var pair = b[i] switch { 'm' => "rn", 'w' => "vv", 'd' => "cl", 'k' => "lc", 'b' => "lb", 'h' => "lh", _ => null };
            text.Append(pair is not null && ((pairs >> (i % 3)) & 1) == 1 ? pair : b[i].ToString());
            if (i == typo) text.Append('x');
        }

        return text.ToString();
    }

    /// <summary>The full table, no early exit: what the bounded versions must equal up to their bound.</summary>
    private static int Reference(string a, string b, bool confusable)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            for (var j = 0; j <= b.Length; j++)
            {
                if (i == 0 || j == 0) { d[i, j] = i + j; continue; }
                var same = confusable ? EditDistance.LookAlike(a[i - 1], b[j - 1]) : a[i - 1] == b[j - 1];
                var v = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (same ? 0 : 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, d[i - 2, j - 2] + 1);
                if (confusable && i > 1 && EditDistance.PairPrototype(a[i - 2], a[i - 1]) is var pa and not '\0' && EditDistance.LookAlike(pa, b[j - 1])) v = Math.Min(v, d[i - 2, j - 1]);
                if (confusable && j > 1 && EditDistance.PairPrototype(b[j - 2], b[j - 1]) is var pb and not '\0' && EditDistance.LookAlike(pb, a[i - 1])) v = Math.Min(v, d[i - 1, j - 2]);
                d[i, j] = v;
            }
        }

        return d[a.Length, b.Length];
    }
}
