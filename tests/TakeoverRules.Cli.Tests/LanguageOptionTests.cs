using System.Globalization;

namespace TakeoverRules.Cli.Tests;

/// <summary><c>--lang</c> (CommonOptions.Language): ja, en or a culture name, read by the library's one rule.</summary>
public sealed class LanguageOptionTests
{
    [Theory]
    [InlineData("ja", "# セキュリティ対策の状況: 総合 ")]
    [InlineData("ja-JP", "# セキュリティ対策の状況: 総合 ")]
    [InlineData("JA", "# セキュリティ対策の状況: 総合 ")]
    [InlineData("en", "# Security posture: overall ")]
    [InlineData("en-GB", "# Security posture: overall ")]
    [InlineData("fr-FR", "# Security posture: overall ")]
    public void A_culture_name_picks_japanese_for_ja_and_english_otherwise(string lang, string heading)
    {
        var run = Cli.Run("posture", "--format", "md", "--lang", lang);

        run.ExitCode.Should().Be(0, run.Stderr);
        run.StdoutLines[0].Should().StartWith(heading);
    }

    [Fact]
    public void Without_lang_the_output_is_english_whatever_the_host_culture()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ja-JP");

            Cli.Run("posture", "--format", "md").StdoutLines[0].Should().StartWith("# Security posture: overall ");
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Theory]
    [InlineData("not a culture")]
    [InlineData("")]
    public void A_name_that_is_not_a_culture_is_a_usage_error(string lang)
    {
        var run = Cli.Run("posture", "--lang", lang);

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("--lang: must be ja, en or a culture name such as ja-JP (was '" + lang + "')");
    }
}
