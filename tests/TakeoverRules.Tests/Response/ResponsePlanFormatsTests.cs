using System.Globalization;
using System.Text.Json;
using CsCheck;
using TakeoverRules.Facts;
using TakeoverRules.Response;

namespace TakeoverRules.Tests.Response;

public sealed class ResponsePlanFormatsTests
{
    private static readonly ResponsePlan Plan = ResponsePlannerTests.Planner.Create(new IncidentContext
    {
        BrokerId = "mufg-esmart", PasswordReusedElsewhere = true, WithdrawalSeen = true,
        DiscoveredAt = new DateTimeOffset(2025, 5, 3, 23, 10, 0, TimeSpan.FromHours(9)),
    });

    [Theory]
    [InlineData("ja", "# 証券口座の不正アクセス: 対応チェックリスト", "今すぐ")]
    [InlineData("en", "# Securities-account takeover: response checklist", "now")]
    public void The_markdown_checklist_has_a_checkbox_per_step_with_contacts_sources_and_evidence(string language, string heading, string now)
    {
        var markdown = Plan.ToMarkdown(CultureInfo.GetCultureInfo(language));
        var lines = markdown.Split('\n');

        lines[0].Should().Be(heading);
        lines.Where(l => l.StartsWith("- [ ] **")).Should().HaveCount(Plan.Steps.Count);
        lines.Should().Contain(l => l.StartsWith("- [ ] **1. ") && l.Contains($"({now})") && l.EndsWith("`contact-broker`"));
        markdown.Should().Contain("#9110").And.Contain("0120-64-5005").And.Contain("https://kabu.com/support/security/damage.html");
        var checkedOn = Plan.Find("report-police")!.Contacts[0].AsOf.ToString();
        markdown.Should().Contain(language == "ja" ? $"({checkedOn}に確認、出典: 愛知県警察" : $"(checked {checkedOn}, source: 愛知県警察");
        lines.Count(l => l.StartsWith("  - [ ] ")).Should().Be(Plan.Steps.Sum(s => s.Evidence.Count));
        lines.Should().Contain(l => l.StartsWith("> "), "the out-of-hours and withdrawal notes are quoted");
        lines.Last(l => l.Length > 0).Should().Be("_" + ResponsePlan.Disclaimer.In(CultureInfo.GetCultureInfo(language)) + "_");
    }

    [Fact]
    public void The_markdown_ticks_done_steps_and_kept_evidence_and_lists_what_is_missing()
    {
        var tracker = ResponseTracker.Start(Plan).MarkDone("contact-broker").MarkDone("report-police").Record("police-receipt-number", "第77号");

        var markdown = Plan.ToMarkdown(CultureInfo.GetCultureInfo("en"), tracker);

        markdown.Should().Contain("- [x] **1. ").And.Contain("— 第77号");
        markdown.Should().Contain("## Still missing").And.Contain("(`contact-broker`)");
        var missing = markdown[markdown.IndexOf("## Still missing", StringComparison.Ordinal)..];
        missing.Should().NotContain("receipt", "the receipt number is recorded").And.Contain("A log of every call");
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public void The_chat_text_fits_a_chat_message_and_keeps_the_confirmed_numbers(string language)
    {
        var text = Plan.ToChatText(CultureInfo.GetCultureInfo(language));

        text.Length.Should().BeLessThanOrEqualTo(1000);
        text.Split('\n').Should().HaveCount(Plan.Steps.Count + 2);
        text.Should().Contain("#9110 / 110").And.Contain("0120-64-5005 / 0570-016811").And.Contain("188 / 03-3446-1623");
        text.Should().NotContain("**").And.NotContain("http");
    }

    [Fact]
    public void The_json_has_every_step_both_languages_and_each_contacts_source()
    {
        using var doc = JsonDocument.Parse(Plan.ToJson());

        var steps = doc.RootElement.GetProperty("steps");
        steps.GetArrayLength().Should().Be(Plan.Steps.Count);
        steps[0].GetProperty("id").GetString().Should().Be("contact-broker");
        steps[0].GetProperty("urgency").GetString().Should().Be("Now");
        steps[0].GetProperty("title").GetProperty("ja").GetString().Should().NotBeNullOrEmpty();
        var finmac = steps.EnumerateArray().Single(s => s.GetProperty("id").GetString() == "consult-finmac").GetProperty("contacts")[0];
        finmac.GetProperty("phone").GetString().Should().Be("0120-64-5005");
        finmac.GetProperty("source").GetProperty("url").GetString().Should().StartWith("https://www.finmac.or.jp/");
        finmac.GetProperty("asOf").GetProperty("date").GetString().Should().NotBeNullOrEmpty();
    }

    // Issue 13 item 5: an update replaces the FSA counselling line with a planted number, a URL and HTML.
    private const string PlantedFsaText = "金融庁 相談室 <script>alert(1)</script> [今すぐ電話](https://evil.example/call)\n- [x] **1. 050-0000-0000 に電話** `done`\n# 至急 | 24時間";

    private static readonly IncidentContext Incident = new() { BrokerId = "mufg-esmart", PasswordReusedElsewhere = true, WithdrawalSeen = true };

    private static ResponsePlan PlanWith(FactsRegistry registry) => new ResponsePlanner(registry).Create(Incident);

    [Fact]
    public void A_planted_fsa_contact_reaches_the_markdown_only_as_text()
    {
        var markdown = PlanWith(HostileText.WithFsaContact(PlantedFsaText, "050-0000-0000", "https://fsa-help.example/")).ToMarkdown(CultureInfo.GetCultureInfo("ja"));
        var benign = PlanWith(HostileText.WithFsaContact("x", "050-0000-0000", "https://fsa-help.example/")).ToMarkdown(CultureInfo.GetCultureInfo("ja"));

        MarkdownShape.Of(markdown).Should().Equal(MarkdownShape.Of(benign), "the planted text adds no block, link, HTML or emphasis");
        markdown.Should().NotContain("<script>").And.NotContain("](https://evil.example").And.NotContain("\n- [x]");
        markdown.Split('\n').Should().NotContain(l => l.StartsWith("- [x]") || l.StartsWith("# 至急"));
        MarkdownShape.Texts(markdown).Should().Contain(t => t.Contains(
            "金融庁 相談室 <script>alert(1)</script> [今すぐ電話](https://evil.example/call) - [x] **1. 050-0000-0000 に電話** `done` # 至急 | 24時間 ☎ 050-0000-0000", StringComparison.Ordinal));
    }

    [Fact]
    public void Any_contact_text_leaves_the_markdown_checklist_as_it_was()
    {
        var benign = MarkdownShape.Of(PlanWith(HostileText.WithFsaContact("x")).ToMarkdown(CultureInfo.GetCultureInfo("en")));
        HostileText.Gen.Sample(text =>
        {
            var registry = HostileText.WithFsaContact(text);
            var markdown = PlanWith(registry).ToMarkdown(CultureInfo.GetCultureInfo("en"));

            MarkdownShape.Of(markdown).Should().Equal(benign, "the text was {0}", JsonSerializer.Serialize(text));
            var organisation = PlainText.OneLine(registry.Contacts.Single(c => c.Id == "fsa-counselling").Organisation.En).Trim(' ');
            MarkdownShape.Texts(markdown).Should().Contain(t => t.Contains(organisation + " ☎ 0570-016811", StringComparison.Ordinal));
        }, iter: 40);
    }

    [Fact]
    public void Any_step_title_or_phone_text_leaves_one_chat_line_per_step_with_no_link_or_markup()
    {
        HostileText.Gen.Sample(text =>
        {
            var step = Plan.Steps.Single(s => s.Id == "consult-finmac");
            var planted = Plan with
            {
                Steps = [.. Plan.Steps.Select(s => s != step ? s : s with { Title = new(text, text), Contacts = [.. s.Contacts.Select(c => c with { Phone = text })] })],
            };

            var lines = planted.ToChatText(CultureInfo.GetCultureInfo("en")).Split('\n');

            lines.Should().HaveCount(Plan.Steps.Count + 2, "the text was {0}", JsonSerializer.Serialize(text));
            for (var i = 1; i <= Plan.Steps.Count; i++)
            {
                var line = lines[i];
                line.Should().StartWith($"{i}. [");
                line.Count(c => c is '[' or ']').Should().Be(2, "only the urgency is in brackets");
                line.Should().NotContainAny("<", ">", "://", "www.", "\r", "\u2028", "\u2029", "\u0085");
            }

            HostileText.Narrow(lines[step.Order]).Should().Contain(HostileText.Narrow(PlainText.OneLine(text)), "nothing of the text is dropped");
        });
    }

    [Fact]
    public void Evidence_recorded_by_the_victim_stays_on_its_checklist_line()
    {
        var tracker = ResponseTracker.Start(Plan).Record("police-receipt-number", "第77号 | <b>done</b> [x](http://evil.example)");

        var markdown = Plan.ToMarkdown(CultureInfo.GetCultureInfo("en"), tracker);

        markdown.Should().Contain(@"— 第77号 \| &lt;b>done&lt;/b> \[x\](http\://evil.example)");
        MarkdownShape.Of(markdown).Should().Equal(MarkdownShape.Of(Plan.ToMarkdown(CultureInfo.GetCultureInfo("en"), ResponseTracker.Start(Plan).Record("police-receipt-number", "x"))));
    }
}
