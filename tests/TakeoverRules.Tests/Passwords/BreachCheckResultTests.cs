using TakeoverRules.Passwords;

namespace TakeoverRules.Tests.Passwords;

public sealed class BreachCheckResultTests
{
    [Fact]
    public void An_unset_result_reads_as_unavailable_never_as_not_breached()
    {
        var unset = default(BreachCheckResult);

        unset.Status.Should().Be(BreachStatus.Unavailable);
        unset.Should().NotBe(BreachCheckResult.NotFound);
    }

    [Fact]
    public void Results_describe_themselves_without_secrets()
    {
        BreachCheckResult.Found(3861493).ToString().Should().Be("Found (3861493)");
        BreachCheckResult.Found(null).ToString().Should().Be("Found");
        BreachCheckResult.NotFound.ToString().Should().Be("NotFound");
        BreachCheckResult.Unavailable(BreachCheckFailure.HttpStatus, "HTTP 503").ToString().Should().Be("Unavailable: HttpStatus (HTTP 503)");
    }

    [Fact]
    public void Inconsistent_results_cannot_be_made()
    {
        FluentActions.Invoking(() => BreachCheckResult.Found(0)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => BreachCheckResult.Unavailable(BreachCheckFailure.None)).Should().Throw<ArgumentOutOfRangeException>();
    }
}
