using System.Globalization;
using Microsoft.AspNetCore.Identity;
using TakeoverRules;
using TakeoverRules.Passwords;

namespace SignupForm;

/// <summary>
/// The form's two JSON endpoints besides the library's strength meter: the live trading-PIN check and the sign-up
/// itself. Passwords and PINs arrive in same-origin POST bodies only and appear in no answer or log.
/// </summary>
public static class SignupEndpoints
{
    /// <summary>Maps <c>POST /api/pin-check</c> and <c>POST /api/signup</c>.</summary>
    public static void MapSignup(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/pin-check", (PinCheckRequest request) =>
        {
            var errors = new List<FieldError>();
            CheckPin(request.TradingPin, request.BirthDate, request.Password, errors);
            return Results.Json(new FormAnswer(errors.Count == 0, "", errors));
        });

        app.MapPost("/api/signup", async (SignupRequest request, UserManager<IdentityUser> users) =>
        {
            var culture = CultureInfo.CurrentUICulture;
            var errors = new List<FieldError>();
            if (string.IsNullOrWhiteSpace(request.LoginId) || request.LoginId.Length is < 3 or > 32)
            {
                errors.Add(new("loginId", "LoginId", T(culture, "ログインIDは3〜32文字で入力してください。", "The login ID must be 3 to 32 characters.")));
            }

            if (string.IsNullOrWhiteSpace(request.Email) || !request.Email.Contains('@', StringComparison.Ordinal))
            {
                errors.Add(new("email", "Email", T(culture, "メールアドレスを入力してください。", "Please enter an e-mail address.")));
            }

            CheckPin(request.TradingPin, request.BirthDate, request.Password, errors);

            // Every validator Identity would run, so the user sees every reason at once rather than one per attempt.
            var user = new IdentityUser { UserName = request.LoginId, Email = request.Email };
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, user, request.Password ?? "");
                errors.AddRange(result.Errors.Select(e => new FieldError("password", e.Code, e.Description)));
            }

            if (errors.Count == 0)
            {
                var created = await users.CreateAsync(user, request.Password!);
                errors.AddRange(created.Errors.Select(e => new FieldError("loginId", e.Code, e.Description)));
            }

            return errors.Count == 0
                ? Results.Json(new FormAnswer(true, T(culture, "口座開設の申し込みを受け付けました。", "Your application has been received."), []))
                : Results.Json(new FormAnswer(false, T(culture, "登録できませんでした。次の点を直してください。", "Not registered. Please fix the following."), errors), statusCode: 400);
        });
    }

    private static void CheckPin(string? pin, string? birthDate, string? password, List<FieldError> errors)
    {
        var culture = CultureInfo.CurrentUICulture;
        DateOnly? birthday = DateOnly.TryParseExact(birthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
        var result = TradingPinChecker.Check(pin ?? "", new TradingPinContext { BirthDate = birthday, LoginPassword = string.IsNullOrEmpty(password) ? null : password });
        errors.AddRange(result.Findings.Select(f => new FieldError("tradingPin", "Pin." + f.Weakness, f.GetMessage(culture))));
    }

    private static string T(CultureInfo culture, string ja, string en) => new BilingualText(ja, en).In(culture);
}
