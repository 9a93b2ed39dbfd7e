using Fluid;

namespace PublicitySite.Web.Site;

/// <summary>A feature's Liquid filters, added to the theme's template options when the renderer starts.</summary>
public interface IThemeFilters
{
    void Register(FilterCollection filters);
}
