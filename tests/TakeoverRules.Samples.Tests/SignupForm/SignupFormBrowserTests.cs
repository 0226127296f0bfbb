using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TakeoverRules.Passwords;
using static Microsoft.Playwright.Assertions;

namespace TakeoverRules.Samples.Tests.SignupForm;

public sealed class SignupFormBrowserTests(SignupBrowser browser) : IClassFixture<SignupBrowser>
{
    private static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");

    [BrowserFact]
    public async Task A_weak_password_makes_the_meter_say_weak_with_a_warning()
    {
        var page = await browser.OpenAsync();
        await page.Locator("#loginId").FillAsync("suzuki");
        await page.Locator("#email").FillAsync("suzuki@example.jp");
        await page.Locator("#password").PressSequentiallyAsync("password1", new() { Delay = 25 });

        await Expect(page.Locator("#meter")).ToHaveAttributeAsync("data-score", new Regex("^[01]$"));
        await Expect(page.Locator("#meter")).ToHaveAttributeAsync("aria-live", "polite");
        await Expect(page.Locator("#meter-label")).ToContainTextAsync(new Regex("強度: (とても弱い|弱い) — このままでは登録できません"));
        var warning = PasswordStrength.Estimate("password1", ["suzuki", "suzuki@example.jp"]).Feedback.GetWarningText(Japanese);
        await Expect(page.Locator("#meter-warning")).ToContainTextAsync(warning);
        await Shoot(page, "signup-ja-weak");
    }

    [BrowserFact]
    public async Task A_strong_password_and_a_good_PIN_are_accepted()
    {
        var page = await browser.OpenAsync();
        await Fill(page, "kimura" + Guid.NewGuid().ToString("N")[..6], "kimura@example.jp", "Kaminari-Bento-Sasayaki-47Ryoko", "1985-04-12", "8305");

        await Expect(page.Locator("#meter")).ToHaveAttributeAsync("data-score", new Regex("^[34]$"));
        await Expect(page.Locator("#meter")).ToHaveAttributeAsync("data-compliant", "true");
        await Expect(page.Locator("#pin-result")).ToHaveTextAsync("推測されにくい暗証番号です。");
        await page.Locator("#submit").ClickAsync();

        await Expect(page.Locator("#result")).ToHaveClassAsync("ok");
        await Expect(page.Locator("#result")).ToHaveTextAsync("口座開設の申し込みを受け付けました。");
        await Expect(page.Locator("#result")).ToBeFocusedAsync();
        await Shoot(page, "signup-ja-accepted");
    }

    [BrowserFact]
    public async Task A_password_made_of_the_login_ID_is_flagged_and_refused_on_submit_with_the_reasons()
    {
        var page = await browser.OpenAsync();
        await Fill(page, "yamadataro", "taro@example.jp", "yamadataro2025!", "1990-01-02", "1990");

        await Expect(page.Locator("#meter-flag")).ToBeVisibleAsync();
        await Expect(page.Locator("#meter-flag")).ToHaveTextAsync("パスワードにログインIDかメールアドレスが含まれています。");
        await page.Locator("#submit").ClickAsync();

        await Expect(page.Locator("#result")).ToHaveClassAsync("bad");
        var policy = new PasswordPolicyChecker(PasswordPolicy.NistMultiFactor).Check("yamadataro2025!", ["yamadataro"]);
        var contextWord = policy.Violations.Single(v => v.Code == PasswordPolicyViolationCode.ContextWord).GetMessage(Japanese);
        await Expect(page.Locator("#result li")).ToContainTextAsync([contextWord]);
        var pin = TradingPinChecker.Check("1990", new TradingPinContext { BirthDate = new DateOnly(1990, 1, 2) });
        await Expect(page.Locator("#result")).ToContainTextAsync(pin.Findings.Single(f => f.Weakness == TradingPinWeakness.BirthDate).GetMessage(Japanese));
        await Expect(page.Locator("#password")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#email")).ToHaveAttributeAsync("aria-invalid", "false");
        await Shoot(page, "signup-ja-refused");
    }

    [BrowserFact]
    public async Task Switching_to_English_with_the_keyboard_alone_turns_the_labels_and_the_meter_English()
    {
        var page = await browser.OpenAsync();
        var keyboard = page.Keyboard;
        await keyboard.PressAsync("Tab");
        await keyboard.PressAsync("Tab");
        await Expect(page.Locator("#lang-en")).ToBeFocusedAsync();
        await keyboard.PressAsync("Enter");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("label[for=loginId]")).ToHaveTextAsync("Login ID");

        await keyboard.PressAsync("Tab");
        await keyboard.TypeAsync("sato");
        await keyboard.PressAsync("Tab");
        await keyboard.TypeAsync("sato@example.jp");
        await keyboard.PressAsync("Tab");
        await Expect(page.Locator("#password")).ToBeFocusedAsync();
        await keyboard.TypeAsync("sato1234", new() { Delay = 25 });

        await Expect(page.Locator("#meter-label")).ToContainTextAsync(new Regex("Strength: (Very weak|Weak) — This password cannot be used yet"));
        var warning = PasswordStrength.Estimate("sato1234", ["sato", "sato@example.jp"]).Feedback.GetWarningText(CultureInfo.GetCultureInfo("en"));
        await Expect(page.Locator("#meter-warning")).ToContainTextAsync(warning);
        await Expect(page.Locator("#meter-flag")).ToBeVisibleAsync();
        await Shoot(page, "signup-en-weak");

        await page.Locator("#lang-ja").ClickAsync();
        await Expect(page.Locator("#meter-label")).ToContainTextAsync("強度: ");
    }

    [BrowserFact]
    public async Task Full_width_text_committed_by_an_IME_is_judged_as_its_ASCII_form_and_left_as_typed()
    {
        var page = await browser.OpenAsync();
        await page.Locator("#loginId").FillAsync("ｙａｍａｄａ");
        await page.Locator("#password").FocusAsync();
        // What a Japanese IME does on commit: text arrives without key presses.
        await page.Keyboard.InsertTextAsync("ｐａｓｓｗｏｒｄ１２３");

        await Expect(page.Locator("#meter")).ToHaveAttributeAsync("data-score", "0");
        await Expect(page.Locator("#meter-warning")).ToContainTextAsync(
            PasswordStrength.Estimate("password123").Feedback.GetWarningText(Japanese));
        (await page.Locator("#password").InputValueAsync()).Should().Be("ｐａｓｓｗｏｒｄ１２３");

        await page.Locator("#password").FillAsync("");
        await page.Keyboard.InsertTextAsync("ｙａｍａｄａ２０２４");
        await Expect(page.Locator("#meter-flag")).ToBeVisibleAsync();
        await page.Locator("#show-password").CheckAsync();
        await Shoot(page, "signup-ja-full-width");
    }

    [BrowserFact]
    public async Task What_is_typed_in_the_password_and_PIN_never_reaches_the_server_log()
    {
        var page = await browser.OpenAsync();
        await Fill(page, "ogawa" + Guid.NewGuid().ToString("N")[..6], "ogawa@example.jp", "Hotaru-Kissaten-Nomad-83zq", "1979-11-30", "2958");
        await Expect(page.Locator("#meter")).ToHaveAttributeAsync("data-compliant", "true");
        await page.Locator("#submit").ClickAsync();
        await Expect(page.Locator("#result")).ToHaveClassAsync("ok");

        var log = browser.Server.Log;
        log.Should().Contain("/api/password-strength", "the server logs at Trace level, so requests are in the log");
        log.Should().NotContain("Hotaru").And.NotContain("83zq").And.NotContain("tradingPin").And.NotContain("\"password\"");
    }

    private static async Task Fill(IPage page, string loginId, string email, string password, string birthDate, string pin)
    {
        await page.Locator("#loginId").FillAsync(loginId);
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").PressSequentiallyAsync(password, new() { Delay = 10 });
        await page.Locator("#birthDate").FillAsync(birthDate);
        await page.Locator("#tradingPin").PressSequentiallyAsync(pin, new() { Delay = 10 });
    }

    private static Task Shoot(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, name + ".png"), FullPage = true });
}
