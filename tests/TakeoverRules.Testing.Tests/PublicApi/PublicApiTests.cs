using TakeoverRules.Tests.PublicApi;

namespace TakeoverRules.Testing.Tests.PublicApi;

/// <summary>
/// Pins the public API of TakeoverRules.Testing so every change to it is a reviewed diff. To accept an intended change run
/// <c>UPDATE_PUBLIC_API=1 dotnet test tests/TakeoverRules.Testing.Tests --filter-class "*PublicApi*"</c> and commit the diff.
/// </summary>
public sealed class TestingPublicApiTests
{
    [Fact]
    public void The_public_api_of_TakeoverRules_Testing_matches_the_approved_text() =>
        ApiApprovals.Verify(typeof(ScenarioBuilder).Assembly, "TakeoverRules.Testing");
}
