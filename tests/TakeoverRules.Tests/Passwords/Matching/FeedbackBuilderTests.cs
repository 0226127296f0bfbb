using System.Globalization;
using TakeoverRules.Passwords;

namespace TakeoverRules.Tests.Passwords.Matching;

public sealed class FeedbackBuilderTests
{
    private static readonly PasswordStrengthEstimator Estimator = new(new PasswordEstimatorOptions { ReferenceYear = 2026 });

    [Theory]
    [InlineData("tanaka09012345678")]
    [InlineData("090-1234-5678sato")]
    public void A_name_next_to_a_phone_number_is_warned_as_the_combination(string password)
    {
        var feedback = Estimator.Estimate(password).Feedback;
        feedback.Warning.Should().Be(PasswordWarning.NameWithPhoneNumber);
        feedback.Suggestions.Should().Contain([PasswordSuggestion.AvoidNames, PasswordSuggestion.AvoidPhoneNumbers]);
        PasswordFeedbackText.Get(PasswordWarning.NameWithPhoneNumber, CultureInfo.GetCultureInfo("ja-JP")).Should().Contain("電話番号");
    }

    [Fact]
    public void A_phone_number_alone_keeps_the_phone_warning() =>
        Estimator.Estimate("09012345678").Feedback.Warning.Should().Be(PasswordWarning.PhoneNumber);

    [Fact]
    public void A_surname_with_an_era_birthday_is_warned_as_a_name_with_a_date() =>
        Estimator.Estimate("suzukiH120401").Feedback.Warning.Should().Be(PasswordWarning.NameWithDate);
}
