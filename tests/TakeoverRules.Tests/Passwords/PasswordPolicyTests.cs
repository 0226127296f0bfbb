using TakeoverRules.Passwords;

namespace TakeoverRules.Tests.Passwords;

public sealed class PasswordPolicyTests
{
    [Fact]
    public void The_NIST_presets_require_15_characters_alone_and_8_with_MFA_and_no_composition()
    {
        PasswordPolicy.Nist.Should().BeEquivalentTo(new
        {
            Name = "nist", MinimumLength = 15, MaximumLength = 256, RequiredClasses = CharacterClasses.None,
            MinimumClassCount = 0, AsciiOnly = false, CheckBlocklist = true, CheckContextWords = true,
        });
        PasswordPolicy.NistMultiFactor.MinimumLength.Should().Be(8);
        PasswordPolicy.NistMultiFactor.Name.Should().Be("nist-mfa");
        PasswordPolicy.Nist.MaximumLength.Should().BeGreaterThanOrEqualTo(64, "NIST: at least 64 characters SHOULD be permitted");
    }

    [Theory]
    [InlineData("nist")]
    [InlineData("NIST-MFA")]
    public void Presets_are_found_by_name_ignoring_case(string name) =>
        PasswordPolicy.TryGetPreset(name, out var policy).Should().BeTrue(policy?.Name);

    [Fact]
    public void An_unknown_preset_name_is_not_found() =>
        PasswordPolicy.TryGetPreset("broker", out _).Should().BeFalse();

    [Fact]
    public void Validation_names_every_invalid_value()
    {
        var policy = new PasswordPolicy { Name = " ", MinimumLength = 0, MaximumLength = 5000, MinimumClassCount = 5, RequiredClasses = (CharacterClasses)64 };

        policy.Validate().Should().BeEquivalentTo(
            "Name: must not be empty (was ' ')",
            "MinimumLength: must be at least 1 (was 0)",
            "MaximumLength: must be at most 4096 (was 5000)",
            "RequiredClasses: unknown flags (was 64)",
            "MinimumClassCount: must be between 0 and 4 (was 5)");
    }

    [Fact]
    public void A_maximum_below_the_minimum_is_invalid() =>
        new PasswordPolicy { MinimumLength = 20, MaximumLength = 16 }.Validate()
            .Should().ContainSingle().Which.Should().Be("MaximumLength: must be at least MinimumLength 20 (was 16)");

    [Fact]
    public void The_presets_are_valid() =>
        PasswordPolicy.Presets.SelectMany(p => p.Validate()).Should().BeEmpty();
}
