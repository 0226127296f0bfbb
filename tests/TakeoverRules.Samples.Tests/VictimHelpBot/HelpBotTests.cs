using System.Diagnostics;
using System.Globalization;
using TakeoverRules.Compensation;
using TakeoverRules.Facts;
using TakeoverRules.Links;
using TakeoverRules.Response;
using VictimHelpBot;

namespace TakeoverRules.Samples.Tests.VictimHelpBot;

public sealed class HelpBotTests
{
    private static readonly DateTimeOffset Saturday = new(2025, 5, 3, 23, 10, 0, TimeSpan.FromHours(9));

    [Fact]
    public void A_whole_Japanese_conversation_checks_a_link_gives_the_sbi_outlook_and_answers_the_faq()
    {
        // The library's example case, typed in as a victim would: broker, date, sold, bought, now worth, no withdrawal,
        // police report unknown.
        var @case = CompensationCase.Example;
        var output = Converse("ja",
            "2", "https://www.sbisec.co.jp@sbisec-login.com/ からログインしてください", "",
            "3", @case.BrokerId, @case.IncidentDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Typed(@case.SaleProceeds), Typed(@case.PurchaseCost), Typed(@case.CurrentValueOfPurchases), "n", "",
            "4", "2", "0",
            "0");

        var link = LinkChecker.Default.Check("https://www.sbisec.co.jp@sbisec-login.com/");
        link.Verdict.Should().Be(LinkVerdict.Lookalike, "the scenario needs a look-alike");
        output.Should().Contain("sbisec-login.com: ⚠ 偽サイト(なりすまし)の疑いがあります").And.Contain(link.Advice.Ja);

        var outlook = new CompensationOutlook(FactsRegistry.Embedded).Assess(@case);
        outlook.Estimate.Should().NotBeNull();
        output.Should().Contain("SBI証券 ですね。")
            .And.Contain(outlook.Summary.Ja)
            .And.Contain("見込み: " + Dialog.Yen(outlook.Estimate!.Low))
            .And.Contain(outlook.Disclaimer.Ja);

        output.Should().Contain("A. " + Faq.Entries[1].Answer.Ja);
        output.Should().EndWith("お大事に。困ったら、いつでもまた来てください。" + Environment.NewLine);
    }

    [Fact]
    public void In_English_the_plan_is_walked_step_by_step_until_every_step_is_done()
    {
        var plan = new ResponsePlanner(FactsRegistry.Embedded).Create(new IncidentContext
        {
            BrokerId = "rakuten", TradingStillPossible = true, PasswordReusedElsewhere = true, LargeLoss = false, DiscoveredAt = Saturday,
        });
        var answers = new List<string> { "1", "rakuten", "1", "n", "n", "y", "y", "n" };
        foreach (var step in plan.Steps)
        {
            answers.Add("y");
            foreach (var item in step.Evidence) answers.AddRange(item.Id == "call-log" ? [""] : ["y"]);
            if (step.Id == "compensation-outlook") answers.Add("n");
        }

        answers.Add("0");
        var output = Converse("en", [.. answers]);

        output.Should().Contain($"[1/{plan.Steps.Count}] Now: {plan.Steps[0].Title.En}");
        output.Should().Contain($"{plan.Steps.Count} of {plan.Steps.Count} done").And.Contain("Every step is done.");
        output.Should().Contain("Still to keep: A log of every call", "every call was left unlogged").And.NotContain("Still to keep: Screenshots");
        output.Should().Contain(ResponsePlan.Disclaimer.En);
    }

    [Fact]
    public void Progress_saved_to_a_file_is_resumed_in_the_next_conversation()
    {
        var file = Path.Combine(Path.GetTempPath(), $"helpbot-{Guid.NewGuid():N}.json");
        try
        {
            ConverseResuming(file,
                "1", "nomura", "2", "n", "n", "n", "n", "n",
                "y", "Support desk, Sato", "Account frozen, ticket 42", // contact the broker, with the call logged
                "n", // leave the password change for later
                "q", "0");
            var saved = File.ReadAllText(file);
            saved.Should().Contain("contact-broker").And.Contain("Account frozen, ticket 42");

            var output = ConverseResuming(file, "1", "q", "0");
            var plan = new ResponsePlanner(FactsRegistry.Embedded).Create(new IncidentContext { BrokerId = "nomura", NoticedBy = NoticedBy.Broker, PasswordReusedElsewhere = false, TradingStillPossible = false, LargeLoss = false });
            output.Should().Contain($"Picking up where you left off. Progress [").And.Contain($"1 of {plan.Steps.Count} done");
            output.Should().Contain($"[2/{plan.Steps.Count}] Now: {plan.Steps[1].Title.En}").And.NotContain("Who noticed first?");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Full_width_answers_typed_with_an_IME_count_as_their_ASCII_forms()
    {
        var output = Converse("ja", "３", "ＳＢＩ証券", "２０２５／４／２０", "５００万", "５００万", "２００万", "ｎ", "ｙ", "０");

        output.Should().Contain("SBI証券 ですね。").And.Contain("見込み: ¥");
        output.Should().NotContain("一覧の番号か ID で答えてください。").And.NotContain("のように入力してください");
    }

    [Fact]
    public void A_script_that_ends_mid_question_ends_the_conversation_politely()
    {
        var output = Converse("ja", "3", "sbi");

        output.Should().EndWith("お大事に。困ったら、いつでもまた来てください。" + Environment.NewLine);
    }

    [Fact]
    public void The_program_reads_its_conversation_from_standard_input()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "VictimHelpBot.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { dll, "--lang", "en" }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        process.StandardInput.Write("4\n3\n0\n0\n");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit(60_000).Should().BeTrue();

        process.ExitCode.Should().Be(0, process.StandardError.ReadToEnd());
        output.Should().Contain("Number > 3").And.Contain("A. " + Faq.Entries[2].Answer.En).And.Contain("Take care.");
    }

    private static string Typed(decimal yen) => yen.ToString(CultureInfo.InvariantCulture);

    private static string Converse(string language, params string[] answers) => Converse(language, null, answers);

    private static string ConverseResuming(string progressFile, params string[] answers) => Converse("en", progressFile, answers);

    private static string Converse(string language, string? progressFile, string[] answers)
    {
        var output = new StringWriter();
        var dialog = new Dialog(new StringReader(string.Join('\n', answers) + "\n"), output, CultureInfo.GetCultureInfo(language));
        new HelpBot(dialog, FactsRegistry.Embedded, new FixedClock(Saturday), progressFile).Run();
        return output.ToString();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.CreateCustomTimeZone("JST", TimeSpan.FromHours(9), "JST", "JST");
    }
}
