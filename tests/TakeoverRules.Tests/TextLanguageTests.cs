using System.Globalization;
using System.Reflection;
using TakeoverRules.Detection;
using TakeoverRules.Facts;
using TakeoverRules.Passwords;
using TakeoverRules.Prevention;
using TakeoverRules.Response;

namespace TakeoverRules.Tests;

/// <summary>The one language convention: a <see cref="CultureInfo"/>, null for the current UI culture, <c>ja</c> for Japanese.</summary>
public sealed class TextLanguageTests
{
    private static readonly BilingualText Text = new("補償", "compensation");
    private static readonly IndicatorHit Hit = new(IndicatorId.HostingNetwork, IndicatorSeverity.Medium, 20, ["e1"], 1, 1) { Subject = "AS64511" };
    private static readonly SecurityPosture Posture = SecurityPosture.Assess(SecurityPostureInput.TypicalCustomer);
    private static readonly ResponsePlan Plan = new ResponsePlanner(FactsRegistry.Embedded).Create(new IncidentContext { BrokerId = "sbi" });

    [Theory]
    [InlineData("ja", true)]
    [InlineData("ja-JP", true)]
    [InlineData("en", false)]
    [InlineData("en-US", false)]
    [InlineData("fr-FR", false)]
    [InlineData("zh-Hant-TW", false)]
    [InlineData("", false)]
    public void A_ja_culture_reads_japanese_and_every_other_culture_english(string name, bool japanese)
    {
        var culture = CultureInfo.GetCultureInfo(name);

        TextLanguage.IsJapanese(culture).Should().Be(japanese);
        AllTexts(culture).Should().Equal(AllTexts(japanese ? CultureInfo.GetCultureInfo("ja") : CultureInfo.InvariantCulture));
        Text.In(culture).Should().Be(japanese ? "補償" : "compensation");
        Posture.ToText(culture).Should().StartWith(japanese ? "セキュリティ対策の状況" : "Security posture");
    }

    [Theory]
    [InlineData("ja-JP", "補償")]
    [InlineData("en-US", "compensation")]
    [InlineData("fr-FR", "compensation")]
    public void Null_means_the_current_ui_culture(string current, string expected)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(current);

            Text.In(null).Should().Be(expected);
            Text.In().Should().Be(expected);
            AllTexts(null).Should().Equal(AllTexts(CultureInfo.CurrentUICulture));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void The_rule_reads_culture_names_so_it_holds_without_icu_data()
    {
        // What a host with InvariantGlobalization gets from new CultureInfo("ja-JP") when predefined cultures are off:
        // the name, but the invariant culture's data (TwoLetterISOLanguageName "iv").
        var nameOnly = new NameOnlyCulture("ja-JP");
        nameOnly.TwoLetterISOLanguageName.Should().NotBe("ja");

        TextLanguage.IsJapanese(nameOnly).Should().BeTrue();
        TextLanguage.IsJapanese(new NameOnlyCulture("jab")).Should().BeFalse("jab (Hyam) only starts like ja");
        TextLanguage.IsJapanese(new NameOnlyCulture("ja-JP-x-custom", parent: new NameOnlyCulture("ja"))).Should().BeTrue();
        Text.In(nameOnly).Should().Be("補償");
    }

    [Fact]
    public void No_public_member_takes_a_language_as_a_string_or_an_enum()
    {
        var members = typeof(TakeoverRulesOptions).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Select(m => (Type: t, Member: m)))
            .ToList();
        var parameters = members.Where(x => x.Member is MethodBase)
            .SelectMany(x => ((MethodBase)x.Member).GetParameters().Select(p => (x.Type, x.Member, Parameter: p)))
            .ToList();

        parameters.Should().NotBeEmpty();
        parameters.Where(x => IsLanguageName(x.Parameter.Name!) && (x.Parameter.ParameterType == typeof(string) || x.Parameter.ParameterType.IsEnum))
            .Select(x => $"{x.Type.Name}.{x.Member.Name}({x.Parameter.Name})").Should().BeEmpty("text takes a CultureInfo culture (TextLanguage)");
        parameters.Where(x => x.Parameter.ParameterType == typeof(CultureInfo) && x.Parameter.Name != "culture")
            .Select(x => $"{x.Type.Name}.{x.Member.Name}({x.Parameter.Name})").Should().BeEmpty("a culture parameter is called culture");
        members.Where(x => x.Member is PropertyInfo p && IsLanguageName(p.Name) && (p.PropertyType == typeof(string) || p.PropertyType.IsEnum))
            .Select(x => $"{x.Type.Name}.{x.Member.Name}").Should().BeEmpty();
        typeof(TakeoverRulesOptions).Assembly.GetExportedTypes().Where(t => t.IsEnum && IsLanguageName(t.Name)).Should().BeEmpty();
    }

    private static bool IsLanguageName(string name) => name.Contains("lang", StringComparison.OrdinalIgnoreCase);

    /// <summary>One text from each public API that writes for people, so a member that ignores the rule shows.</summary>
    private static List<string> AllTexts(CultureInfo? culture) =>
    [
        Text.In(culture),
        Hit.Describe(culture),
        IndicatorCatalog.Get(IndicatorId.HostingNetwork).Title.In(culture),
        PasswordFeedbackText.Get(PasswordWarning.TopTenPassword, culture),
        PasswordFeedbackText.Get(PasswordSuggestion.UseFewWords, culture),
        new PasswordPolicyChecker(PasswordPolicy.Nist).Check("password").Violations[0].GetMessage(culture),
        TradingPinChecker.Check("1234").Findings[0].GetMessage(culture),
        Posture.ToText(culture),
        Posture.ToMarkdown(culture),
        Posture.ToRadarSvg(culture),
        ProblemMap.Default.ToMermaidMindmap(culture),
        Plan.ToMarkdown(culture),
        Plan.ToChatText(culture),
    ];

    private sealed class NameOnlyCulture(string name, CultureInfo? parent = null) : CultureInfo("")
    {
        public override string Name => name;

        public override CultureInfo Parent => parent ?? InvariantCulture;
    }
}
