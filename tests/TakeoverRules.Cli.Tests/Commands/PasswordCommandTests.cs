using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace TakeoverRules.Cli.Tests.Commands;

public sealed class PasswordCommandTests : IDisposable
{
    // Japanese passwords here must not be words of the (now unescaped UTF-8) feedback texts, such as パスワード.
    private static readonly string[] Passwords = ["password", "Ｐａｓｓｗｏｒｄ１２３", "", "correct horse battery staple", "taroyamada1985", "ひみつのあいことば", "🔑 kagi no ana 🔑"];

    private readonly string _directory = Directory.CreateTempSubdirectory("password-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static List<JsonElement> Parse(CliRun run) => [.. run.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement)];

    [Fact]
    public void Writes_exactly_one_JSON_line_per_input_line_in_order_with_score_and_guessesLog10()
    {
        var run = Cli.RunWithInput(string.Join("\r\n", Passwords) + "\r\n", "password");

        var results = Parse(run);
        results.Should().HaveCount(Passwords.Length, "stderr was: {0}", run.Stderr);
        results.Select(r => r.GetProperty("line").GetInt32()).Should().Equal(Enumerable.Range(1, Passwords.Length));
        results.Should().OnlyContain(r => r.GetProperty("score").GetInt32() >= 0 && r.GetProperty("score").GetInt32() <= 4);
        results.Should().OnlyContain(r => r.GetProperty("guessesLog10").ValueKind == JsonValueKind.Number);
        results[0].GetProperty("score").GetInt32().Should().Be(0);
        results[3].GetProperty("score").GetInt32().Should().Be(4);
    }

    [Fact]
    public void Never_writes_a_password_to_stdout_or_stderr()
    {
        var run = Cli.RunWithInput(string.Join("\n", Passwords), "password", "--lang", "ja", "--user-input", "taro.yamada@example.jp");

        foreach (var password in Passwords.Where(p => p.Length > 0))
        {
            run.Stdout.Should().NotContain(password);
            run.Stderr.Should().NotContain(password);
            run.Stdout.Should().NotContain(password.Normalize(NormalizationForm.FormKC));
        }
    }

    [Fact]
    public void The_exit_code_is_0_when_every_password_passes_and_1_when_one_fails()
    {
        Cli.RunWithInput("correct horse battery staple\nvq8-Lmz!e2Rt@x-kura\n", "password").ExitCode.Should().Be(0);
        Cli.RunWithInput("correct horse battery staple\npassword\n", "password").ExitCode.Should().Be(1);
    }

    [Fact]
    public void Empty_input_gives_no_results_and_exit_code_0()
    {
        var run = Cli.RunWithInput("", "password");

        run.ExitCode.Should().Be(0);
        run.Stdout.Should().BeEmpty();
    }

    [Fact]
    public void The_policy_verdict_lists_coded_violations_in_the_chosen_language()
    {
        var run = Cli.RunWithInput("password\n", "password", "--lang", "ja");

        var policy = Parse(run).Single().GetProperty("policy");
        policy.GetProperty("name").GetString().Should().Be("nist");
        policy.GetProperty("compliant").GetBoolean().Should().BeFalse();
        var codes = policy.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("code").GetString()).ToList();
        codes.Should().Equal("TooShort", "Blocklisted");
        policy.GetProperty("violations")[0].GetProperty("message").GetString().Should().Be("15文字以上にしてください。");
    }

    [Fact]
    public void The_MFA_preset_accepts_8_characters_where_NIST_alone_needs_15()
    {
        const string input = "kagi-no-ana\n";

        Cli.RunWithInput(input, "password", "--policy", "nist-mfa").ExitCode.Should().Be(0);
        Cli.RunWithInput(input, "password", "--policy", "nist").ExitCode.Should().Be(1);
    }

    [Fact]
    public void User_inputs_are_refused_as_context_words()
    {
        var run = Cli.RunWithInput("yamadataro-1985\n", "password", "--user-input", "山田", "--user-input", "taro.yamada@example.jp", "--policy", "nist-mfa");

        Parse(run).Single().GetProperty("policy").GetProperty("violations")[0].GetProperty("code").GetString().Should().Be("ContextWord");
    }

    [Fact]
    public void A_broker_policy_file_adds_composition_rules()
    {
        var path = Path.Combine(_directory, "broker.json");
        File.WriteAllText(path, """{ "name": "broker", "minimumLength": 10, "requiredClasses": ["lowercase", "digit"], "asciiOnly": true, "minimumScore": 2 }""");

        var run = Cli.RunWithInput("KABUTOCHO-TOWER\nkabuto-chou-9-tower\n", "password", "--policy", path);

        var verdicts = Parse(run).Select(r => r.GetProperty("policy")).ToList();
        verdicts[0].GetProperty("name").GetString().Should().Be("broker");
        verdicts[0].GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("code").GetString()).Should().Equal("MissingCharacterClass");
        verdicts[1].GetProperty("compliant").GetBoolean().Should().BeTrue();
    }

    [Theory]
    [InlineData("""{ "minimumLength": 0, "requiredClasses": ["kanji"] }""", "requiredClasses: unknown class 'kanji'")]
    [InlineData("""{ "minimumLenght": 10 }""", "minimumLenght")]
    [InlineData("""{ "minimumLength": "ten" }""", "$.minimumLength")]
    public void An_invalid_policy_file_is_a_usage_error_naming_the_field(string json, string expected)
    {
        var path = Path.Combine(_directory, "bad.json");
        File.WriteAllText(path, json);

        var run = Cli.RunWithInput("password\n", "password", "--policy", path);

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain(path).And.Contain(expected);
        run.Stdout.Should().BeEmpty();
    }

    [Fact]
    public void An_unknown_policy_name_is_a_usage_error() =>
        Cli.RunWithInput("password\n", "password", "--policy", "strict").ExitCode.Should().Be(2);

    [Fact]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5350", Justification = "Pwned Passwords is keyed by SHA-1.")]
    public void A_local_Pwned_Passwords_file_adds_the_breach_count()
    {
        var path = Path.Combine(_directory, "pwned.txt");
        var hash = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes("correct horse battery staple")));
        File.WriteAllText(path, "0000000000000000000000000000000000000000:1\r\n" + hash + ":312\r\n");

        var run = Cli.RunWithInput("correct horse battery staple\nvq8-Lmz!e2Rt@x-kura\n", "password", "--pwned-file", path);

        var results = Parse(run);
        results[0].GetProperty("breach").GetProperty("status").GetString().Should().Be("Found");
        results[0].GetProperty("breach").GetProperty("count").GetInt64().Should().Be(312);
        results[1].GetProperty("breach").GetProperty("status").GetString().Should().Be("NotFound");
        run.ExitCode.Should().Be(1, "a breached password is a finding");
    }

    [Fact]
    public void An_unreachable_range_API_is_reported_per_line_as_unavailable()
    {
        var run = Cli.RunWithInput("correct horse battery staple\n", "password", "--pwned-api-url", "http://127.0.0.1:1/");

        var breach = Parse(run).Single().GetProperty("breach");
        breach.GetProperty("status").GetString().Should().Be("Unavailable");
        breach.GetProperty("failure").GetString().Should().Be("NetworkError");
        run.ExitCode.Should().Be(1);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("http://pwned.example.com/")]
    public void A_bad_range_API_address_is_a_usage_error(string url)
    {
        var run = Cli.RunWithInput("x\n", "password", "--pwned-api-url", url);

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().StartWith("error: --pwned-api-url: ");
    }

    [Fact]
    public void A_missing_Pwned_Passwords_file_is_a_usage_error() =>
        Cli.RunWithInput("x\n", "password", "--pwned-file", Path.Combine(_directory, "missing.txt")).ExitCode.Should().Be(2);

    [Fact]
    public void A_line_beyond_the_limit_is_reported_and_skipped_while_the_others_are_checked()
    {
        var huge = new string('a', 1024 * 1024 + 10);

        var run = Cli.RunWithInput($"correct horse battery staple\n{huge}\nvq8-Lmz!e2Rt@x-kura\n", "password");

        var results = Parse(run);
        results.Should().HaveCount(3);
        results[1].GetProperty("line").GetInt32().Should().Be(2);
        results[1].GetProperty("error").GetString().Should().Contain("longer than 1048576 characters");
        results[2].GetProperty("score").GetInt32().Should().Be(4);
        run.ExitCode.Should().Be(1);
    }

    [Fact]
    public void Text_format_writes_one_summary_line_per_password_in_Japanese()
    {
        var run = Cli.RunWithInput("password\ncorrect horse battery staple\n", "password", "--format", "text", "--lang", "ja");

        run.StdoutLines.Where(l => !l.StartsWith(' ')).Should().HaveCount(2)
            .And.SatisfyRespectively(
                first => first.Should().StartWith("1: 強度 0/4").And.EndWith("不適合"),
                second => second.Should().StartWith("2: 強度 4/4").And.EndWith("適合"));
    }

    private static CliRun RunWithBytes(byte[] stdin, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var console = new CliConsole(new StreamReader(new MemoryStream(stdin), new UTF8Encoding(false)), stdout, stderr, ErrorIsTerminal: false);
        return new CliRun(CliApp.Run(args, console), stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void A_line_that_is_not_UTF8_is_refused_with_its_byte_offset_and_never_scored()
    {
        byte[] stdin = [.. "\uFEFFcorrect horse battery staple\r\n"u8, .. "Secr"u8, 0xFF, .. "etPass"u8, 0xFE, 0xFD, .. "word\n"u8, .. "vq8-Lmz!e2Rt@x-kura\n"u8];
        var run = RunWithBytes(stdin, "password");

        var results = Parse(run);
        results.Should().HaveCount(3, "stderr was: {0}", run.Stderr);
        results[0].GetProperty("score").GetInt32().Should().Be(4, "a byte-order mark is not part of the first password");
        results[1].GetProperty("line").GetInt32().Should().Be(2);
        results[1].GetProperty("error").GetString().Should().Be("line is not valid UTF-8 (first bad byte at offset 4); not checked");
        results[1].TryGetProperty("score", out _).Should().BeFalse();
        results[2].GetProperty("score").GetInt32().Should().Be(4);
        run.ExitCode.Should().Be(1);
        run.Stdout.Should().NotContain("Secr");
    }

    [Fact]
    public void Lines_read_as_bytes_score_exactly_as_lines_read_as_text()
    {
        var text = string.Join("\n", Passwords) + "\n";
        RunWithBytes(Encoding.UTF8.GetBytes(text), "password").Stdout.Should().Be(Cli.RunWithInput(text, "password").Stdout);
    }

    [Fact]
    public void Help_describes_every_option()
    {
        var run = Cli.Run("password", "--help");

        run.ExitCode.Should().Be(0);
        run.Stdout.Should().Contain("--lang").And.Contain("--user-input").And.Contain("--policy").And.Contain("--format").And.Contain("--pwned-file");
    }
}
