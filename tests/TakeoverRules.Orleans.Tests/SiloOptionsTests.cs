using Microsoft.Extensions.Options;

namespace TakeoverRules.Orleans.Tests;

/// <summary>The silo's options are checked against the detector's before the silo starts.</summary>
public sealed class SiloOptionsTests
{
    [Fact]
    public void A_silo_refuses_a_detector_that_evicts_accounts_itself()
    {
        var detection = new TakeoverRulesOptions();
        detection.Detection.MaxAccountsInMemory = 1_000;
        var validator = new DetectionGrainOptionsValidator(Options.Create(detection));

        var result = validator.Validate(null, new DetectionGrainOptions());

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain("Orleans: Detection.MaxAccountsInMemory must be 0 on a silo (was 1000)");
        new DetectionGrainOptionsValidator(Options.Create(new TakeoverRulesOptions())).Validate(null, new DetectionGrainOptions()).Succeeded.Should().BeTrue();
    }
}
