using System.Globalization;
using System.Text.Json;
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
}
