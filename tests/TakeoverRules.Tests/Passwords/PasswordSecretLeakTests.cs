using System.Globalization;
using TakeoverRules.Passwords;

namespace TakeoverRules.Tests.Passwords;

/// <summary>No result, message, reason, exception or <c>ToString()</c> of the policy, PIN and breach checks contains the secret or a piece of it.</summary>
public sealed class PasswordSecretLeakTests
{
    private const string Secret = "Zq7#ryokan-Ｍｉｚｕ";
    private const string Pin = "8361";

    private static readonly CultureInfo[] Cultures = [CultureInfo.GetCultureInfo("ja-JP"), CultureInfo.GetCultureInfo("en-US")];

    private static void ShouldNotLeak(string text, string secret)
    {
        var normalized = secret.Normalize(System.Text.NormalizationForm.FormKC);
        foreach (var form in new[] { secret, normalized, normalized.ToLowerInvariant() })
        {
            // Any 5-character window of the secret would already be a piece of it.
            for (var i = 0; i + 5 <= form.Length; i++)
            {
                text.Should().NotContain(form.Substring(i, 5));
            }
        }
    }

    [Fact]
    public void Policy_results_messages_and_reasons_do_not_contain_the_password()
    {
        var blocklist = PasswordBlocklist.From([Secret]);
        var policies = PasswordPolicy.Presets.Append(new PasswordPolicy { Name = "broker", MinimumLength = 30, MaximumLength = 31, RequiredClasses = CharacterClasses.All, MinimumClassCount = 4, AsciiOnly = true });
        foreach (var policy in policies)
        {
            var checker = new PasswordPolicyChecker(policy, blocklist, [Secret]);
            var result = checker.Check(Secret, [Secret]);
            result.IsCompliant.Should().BeFalse();

            var texts = new List<string> { result.ToString(), checker.ToString(), blocklist.ToString() };
            foreach (var violation in result.Violations)
            {
                texts.Add(violation.ToString());
                foreach (var culture in Cultures) texts.AddRange([violation.GetMessage(culture), violation.GetReason(culture)]);
            }

            foreach (var text in texts) ShouldNotLeak(text, Secret);
        }
    }

    [Fact]
    public void Pin_results_and_context_do_not_contain_the_pin_or_the_login_password()
    {
        var context = new TradingPinContext { LoginPassword = Secret + Pin, OtherNumbers = ["090-" + Pin + "-0000"], BirthDate = new DateOnly(1983, 6, 1) };
        var result = TradingPinChecker.Check(Pin, context);
        result.IsAcceptable.Should().BeFalse();

        var texts = new List<string> { result.ToString(), context.ToString() };
        foreach (var finding in result.Findings)
        {
            texts.Add(finding.ToString());
            foreach (var culture in Cultures) texts.AddRange([finding.GetMessage(culture), finding.GetReason(culture)]);
        }

        foreach (var text in texts)
        {
            text.Should().NotContain(Pin);
            ShouldNotLeak(text, Secret);
        }
    }

    [Fact]
    public async Task Breach_results_and_failures_do_not_contain_the_password_or_its_hash()
    {
        var hash = PwnedTestHashes.Sha1Hex(Secret);
        await using var server = LoopbackHttpServer.Returning(hash[5..] + ":not-a-number\r\n");
        using var http = new HttpClient();
        var client = new PwnedPasswordsRangeClient(http, new PwnedPasswordsRangeOptions { BaseAddress = server.BaseAddress });

        var malformed = await client.CheckAsync(Secret, TestContext.Current.CancellationToken);
        var directory = Directory.CreateTempSubdirectory("pwned-leak-");
        try
        {
            var path = Path.Combine(directory.FullName, "hashes.txt");
            File.WriteAllText(path, hash + ":5\r\n");
            using var file = PwnedPasswordsHashFile.Open(path);
            var found = file.Check(Secret);
            found.Count.Should().Be(5);

            foreach (var text in new[] { malformed.ToString(), malformed.Detail ?? "", found.ToString(), client.ToString(), file.ToString() })
            {
                ShouldNotLeak(text, Secret);
                text.Should().NotContain(hash[..5]).And.NotContain(hash[5..15]);
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_estimators_reused_working_memory_keeps_no_character_of_the_last_password()
    {
        new PasswordStrengthEstimator().Estimate("p@ssw0rd-0312-555-0123-qwerty");

        // Rent on the same thread hands back the memory that estimate used.
        var scratch = TakeoverRules.Passwords.Matching.EstimationScratch.Rent(1);
        try
        {
            foreach (var chars in new[] { scratch.Text, scratch.Lower, scratch.Reversed, scratch.Substituted, scratch.Digits })
            {
                chars.Should().OnlyContain(c => c == '\0');
            }
        }
        finally
        {
            TakeoverRules.Passwords.Matching.EstimationScratch.Return(scratch);
        }
    }

    [Fact]
    public void Exceptions_from_bad_configuration_do_not_contain_the_password()
    {
        var blocklistError = FluentActions.Invoking(() => PasswordBlocklist.From([new string('x', 2000) + Secret])).Should().Throw<ArgumentException>().Which;
        var policyError = FluentActions.Invoking(() => new PasswordPolicyChecker(new PasswordPolicy { MinimumLength = -1 })).Should().Throw<ArgumentException>().Which;

        ShouldNotLeak(blocklistError.ToString(), Secret);
        ShouldNotLeak(policyError.ToString(), Secret);
    }
}
