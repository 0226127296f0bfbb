using CsCheck;
using TakeoverRules.Facts;

namespace TakeoverRules.Tests;

public sealed class MarkdownTextTests
{
    private const string Table = "| a | b |\n|---|---|\n";

    [Fact]
    public void Any_text_in_a_table_cell_keeps_the_table_at_one_row_of_two_cells_and_reads_as_written()
    {
        HostileText.Gen.Sample(text =>
        {
            var markdown = $"{Table}| {MarkdownText.Inline(text)} | x |\n";

            MarkdownShape.Of(markdown).Should().Equal(MarkdownShape.Of($"{Table}| y | x |\n"), "the text was {0}", Show(text));
            MarkdownShape.Texts(markdown).Should().Contain(Expected(text));
        });
    }

    [Fact]
    public void Any_text_in_a_list_item_or_a_quote_starts_no_block_and_no_link_html_code_or_emphasis()
    {
        HostileText.Gen.Sample(text =>
        {
            var markdown = $"- {MarkdownText.Inline(text)} ☎ 0570-016811\n  - {MarkdownText.Inline(text)}\n\n> {MarkdownText.Inline(text)}\n\n{MarkdownText.Inline(text)}\n";

            MarkdownShape.Of(markdown).Should().Equal(MarkdownShape.Of("- y ☎ 0570-016811\n  - y\n\n> y\n\n y\n"), "the text was {0}", Show(text));
            MarkdownShape.Texts(markdown).Should().Equal([$"{Expected(text)} ☎ 0570-016811", Expected(text), Expected(text), Expected(text)]);
        });
    }

    [Fact]
    public void A_link_keeps_its_target_whatever_its_text_and_a_url_shown_as_text_stays_one_cell()
    {
        var target = new Uri("https://www.fsa.go.jp/a_(b)|c[d]?q=<x> y");
        HostileText.Gen.Sample(text =>
        {
            var markdown = $"{Table}| {MarkdownText.Link(text, target)} | {MarkdownText.Url(target.OriginalString)} |\n";

            var url = MarkdownText.Url(target.OriginalString);
            MarkdownShape.Of(markdown).Should().Equal(MarkdownShape.Of($"{Table}| [y](https://www.fsa.go.jp/a_%28b%29%7Cc%5Bd%5D?q=%3Cx%3E%20y) | {url} |\n"), "the text was {0}", Show(text));
            MarkdownShape.Texts(markdown)[^2].Should().Be(Expected(text));
        });
    }

    [Fact]
    public void A_code_span_holds_any_text_and_only_that()
    {
        HostileText.Gen.Sample(text =>
        {
            var shape = MarkdownShape.Of($"- {MarkdownText.Code(text)}\n");

            shape.Should().Equal(MarkdownShape.Of("- `y`\n"), "the text was {0}", Show(text));
        });
    }

    [Theory]
    [InlineData("金融庁 金融サービス利用者相談室 (平日 10:00〜17:00)")]
    [InlineData("#9110")]
    [InlineData("Purchase amount: ~44,800,000,000 JPY; >670,000,000,000 JPY (reported 2025-04-18)")]
    [InlineData("R&D, Q&A: 2025-04-16..2025-05-31 ~ 1.5%")]
    [InlineData("2025年4月16日、2.5%")]
    public void Ordinary_text_comes_back_unchanged(string text) => MarkdownText.Inline(text).Should().Be(text);

    [Fact]
    public void Every_text_of_the_embedded_facts_comes_back_unchanged()
    {
        var registry = FactsRegistry.Embedded;
        var texts = registry.Facts.Select(f => f.Statement)
            .Concat(registry.Contacts.SelectMany(c => new[] { c.Organisation, c.Purpose }.Concat(c.Hours is { } h ? [h] : [])))
            .Concat(registry.Policies.SelectMany(p => p.Rules.Concat(p.Exclusions).Concat(p.Conditions).Append(p.Title)))
            .Concat(registry.Brokers.Select(b => b.Name))
            .SelectMany(t => new[] { t.Ja, t.En })
            .Concat(registry.Facts.SelectMany(f => f.Sources).Select(s => s.Publisher))
            .ToList();

        texts.Should().HaveCountGreaterThan(500);
        // A URL written inside a text (one publisher's name has one) is deliberately not made a link.
        texts.Where(t => MarkdownText.Inline(t).Replace(@"\://", "://", StringComparison.Ordinal).Replace(@"www\.", "www.", StringComparison.Ordinal) != t).Should().BeEmpty();
    }

    [Theory]
    [InlineData("was ~~0570-016811~~ now 050-0000-0000")]
    [InlineData("~~0570-016811~~ 050-0000-0000 ~ ~x~")]
    public void A_strikethrough_in_text_stays_text(string text) =>
        MarkdownShape.Of($"- {MarkdownText.Inline(text)} ~a\n").Should().Equal(MarkdownShape.Of("- y ~a\n"));

    [Theory]
    [InlineData("a|b\nc", @"a\|b c")]
    [InlineData("# Call 050-0000-0000", @"\# Call 050-0000-0000")]
    [InlineData("1. step", @"1\. step")]
    [InlineData("=== x", @"\=== x")]
    [InlineData("[call](https://evil.example) <script>", @"\[call\](https\://evil.example) &lt;script>")]
    [InlineData("visit www.evil.example &amp; 5 * 2 _x_ ~~y~~", @"visit www\.evil.example &amp;amp; 5 \* 2 \_x\_ ~\~y\~\~")]
    public void Markup_is_escaped(string text, string escaped) => MarkdownText.Inline(text).Should().Be(escaped);

    private static string Expected(string text) => PlainText.OneLine(text).Trim(' ');

    private static string Show(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
