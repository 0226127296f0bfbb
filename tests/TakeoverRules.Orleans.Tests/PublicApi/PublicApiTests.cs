using TakeoverRules.Tests.PublicApi;

namespace TakeoverRules.Orleans.Tests.PublicApi;

/// <summary>
/// Pins the public API of TakeoverRules.Orleans so every change to it is a reviewed diff. To accept an intended change run
/// <c>UPDATE_PUBLIC_API=1 dotnet test tests/TakeoverRules.Orleans.Tests --filter-class "*PublicApi*"</c> and commit the diff.
/// </summary>
public sealed class OrleansPublicApiTests
{
    [Fact]
    public void The_public_api_of_TakeoverRules_Orleans_matches_the_approved_text() =>
        ApiApprovals.Verify(typeof(IOrderDecisions).Assembly, "TakeoverRules.Orleans");
}
