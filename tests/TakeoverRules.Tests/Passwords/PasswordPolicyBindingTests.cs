using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TakeoverRules.Passwords;

namespace TakeoverRules.Tests.Passwords;

public sealed class PasswordPolicyBindingTests
{
    private static IConfigurationSection Section(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build()
            .GetSection("TakeoverRules");

    [Fact]
    public void Binding_a_policy_length_from_configuration_leaves_the_NIST_preset_at_15_for_every_other_caller()
    {
        var section = Section(("TakeoverRules:Passwords:Policy:MinimumLength", "8"));
        using var provider = new ServiceCollection().AddTakeoverRules(o => section.Bind(o)).BuildServiceProvider();

        provider.GetRequiredService<PasswordPolicyChecker>().Policy.MinimumLength.Should().Be(8, "the host asked for 8");
        PasswordPolicy.Nist.MinimumLength.Should().Be(15);
        PasswordPolicy.TryGetPreset("nist", out var preset).Should().BeTrue();
        preset!.MinimumLength.Should().Be(15);
        new PasswordPolicyChecker(PasswordPolicy.Nist).Check("short-pass").IsCompliant.Should().BeFalse();
    }

    [Fact]
    public void Binding_into_a_preset_the_caller_fetched_cannot_change_the_preset()
    {
        var options = new PasswordOptions { Policy = PasswordPolicy.NistMultiFactor };
        Section(("TakeoverRules:Policy:MinimumLength", "4")).Bind(options);

        options.Policy.MinimumLength.Should().Be(4);
        PasswordPolicy.NistMultiFactor.MinimumLength.Should().Be(8);
        PasswordPolicy.Presets.Should().OnlyContain(p => p.MinimumLength >= 8);
    }

    [Fact]
    public void Presets_are_values_equal_to_each_other_on_every_read()
    {
        PasswordPolicy.Nist.Should().Be(PasswordPolicy.Nist);
        PasswordPolicy.Nist.Should().NotBeSameAs(PasswordPolicy.Nist, "each read is a fresh instance a binder may change freely");
        new PasswordOptions().Policy.Should().Be(PasswordPolicy.Nist);
    }
}
