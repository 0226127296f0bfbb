using Microsoft.Extensions.DependencyInjection;

namespace TakeoverRules.Tests;

public sealed class TakeoverRulesServiceCollectionExtensionsTests
{
    [Fact]
    public void AddTakeoverRules_registers_the_validated_options_once_even_when_called_twice()
    {
        var services = new ServiceCollection();

        services.AddTakeoverRules().AddTakeoverRules(o => o.Passwords = new());

        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        provider.GetServices<TakeoverRulesOptions>().Should().ContainSingle();
    }

    [Fact]
    public void AddTakeoverRules_fails_at_start_up_listing_every_invalid_section()
    {
        var services = new ServiceCollection();

        var act = () => services.AddTakeoverRules(o =>
        {
            o.Passwords = null!;
            o.Facts = null!;
        });

        act.Should().Throw<TakeoverRulesOptionsException>()
            .Which.Errors.Should().BeEquivalentTo("Passwords: must not be null", "Facts: must not be null");
    }

    [Fact]
    public void AddTakeoverRules_rejects_a_null_service_collection() =>
        FluentActions.Invoking(() => TakeoverRulesServiceCollectionExtensions.AddTakeoverRules(null!))
            .Should().Throw<ArgumentNullException>();
}
