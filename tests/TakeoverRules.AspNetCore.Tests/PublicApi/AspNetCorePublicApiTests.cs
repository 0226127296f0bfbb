using TakeoverRules.Tests.PublicApi;

namespace TakeoverRules.AspNetCore.Tests.PublicApi;

/// <summary>
/// Pins the public API of TakeoverRules.AspNetCore so every change to it is a reviewed diff. To accept an intended change
/// run <c>UPDATE_PUBLIC_API=1 dotnet test tests/TakeoverRules.AspNetCore.Tests --filter-class "*PublicApi*"</c> and commit the diff.
/// </summary>
public sealed class AspNetCorePublicApiTests
{
    [Fact]
    public void The_public_api_of_TakeoverRules_AspNetCore_matches_the_approved_text() =>
        ApiApprovals.Verify(typeof(TakeoverRulesIdentityOptions).Assembly, "TakeoverRules.AspNetCore");
}
