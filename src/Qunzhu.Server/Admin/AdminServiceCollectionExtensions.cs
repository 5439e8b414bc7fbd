using System.Globalization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;
using Qunzhu.Server.Admin.Layout;

namespace Qunzhu.Server.Admin;

public static class AdminServiceCollectionExtensions
{
    public static readonly CultureInfo[] Cultures = [CultureInfo.GetCultureInfo("zh-CN"), CultureInfo.GetCultureInfo("en-US")];

    /// <summary>The admin console: Blazor (interactive server) with MudBlazor, zh-CN first, English per user.</summary>
    public static IServiceCollection AddQunzhuConsole(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddOptions<ConsoleOptions>().BindConfiguration(ConsoleOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<AuthenticationStateProvider, StaffAuthenticationStateProvider>();
        services.AddMudServices();
        services.AddLocalization();
        services.AddScoped<ConsoleApi>();
        services.AddScoped<ConsoleClock>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // The signed-in user's choice, then the cookie (set on the login page); never the browser's language,
            // so a console opened anywhere starts in Chinese.
            o.RequestCultureProviders = [new UserCultureProvider(), new CookieRequestCultureProvider()];
        });
        return services;
    }

    public static WebApplication MapQunzhuConsole(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapAccountEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
