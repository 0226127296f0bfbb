using System.Globalization;
using TakeoverRules.Detection;

namespace TakeoverRules.Tests.Detection;

/// <summary>The indicator catalog and its explanations.</summary>
public sealed class IndicatorCatalogTests
{
    [Fact]
    public void Every_indicator_id_has_one_definition_with_a_unique_camel_case_code()
    {
        var ids = Enum.GetValues<IndicatorId>();

        IndicatorCatalog.All.Select(d => d.Id).Should().BeEquivalentTo(ids);
        IndicatorCatalog.All.Select(d => d.Code).Should().OnlyHaveUniqueItems()
            .And.OnlyContain(code => char.IsLower(code[0]) && code.All(char.IsAsciiLetterOrDigit));
        IndicatorCatalog.All.Should().OnlyContain(d => d.Code == JsonCamelCase(d.Id.ToString()));
    }

    [Fact]
    public void Indicator_ids_keep_their_published_numbers()
    {
        ((int)IndicatorId.UnfamiliarDevice).Should().Be(1);
        ((int)IndicatorId.ContactDetailsChanged).Should().Be(10);
        ((int)IndicatorId.LiquidationBurst).Should().Be(20);
        ((int)IndicatorId.WithdrawalAfterRisk).Should().Be(28);
        ((int)IndicatorId.RotationTypology).Should().Be(40);
        ((int)IndicatorId.CrossAccountRamp).Should().Be(41);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ja")]
    public void Every_indicator_renders_an_explanation_in_both_languages(string cultureName)
    {
        foreach (var id in Enum.GetValues<IndicatorId>())
        {
            var hit = new IndicatorHit(id, IndicatorSeverity.Medium, 10, ["e1"], 0.5, 0.3) { Subject = "TSE:9990", Minutes = 12, AmountJpy = 1_000_000, Cause = IndicatorId.UnfamiliarDevice };

            var text = hit.Describe(CultureInfo.GetCultureInfo(cultureName));

            text.Should().NotBeNullOrWhiteSpace().And.NotBe(id.ToString());
            if (cultureName == "ja")
            {
                text.Should().MatchRegex(@"\p{IsCJKUnifiedIdeographs}|\p{IsKatakana}|\p{IsHiragana}", $"{id} needs a Japanese text");
            }
        }
    }

    [Fact]
    public void Every_indicator_has_a_japanese_and_an_english_title()
    {
        foreach (var definition in IndicatorCatalog.All)
        {
            definition.Title.Ja.Should().MatchRegex(@"\p{IsCJKUnifiedIdeographs}|\p{IsKatakana}|\p{IsHiragana}", $"{definition.Id} needs a Japanese title");
            definition.Title.En.Should().MatchRegex("^[A-Z0-9][ -~]+$", $"{definition.Id} needs an English title");
        }
    }

    [Fact]
    public void An_unknown_indicator_id_is_refused()
    {
        var get = () => IndicatorCatalog.Get((IndicatorId)999);

        get.Should().Throw<ArgumentOutOfRangeException>();
    }

    private static string JsonCamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
