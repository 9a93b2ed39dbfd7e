using PublicitySite.Contents.Definitions;
using PublicitySite.Web.Admin.Menu;

namespace PublicitySite.Web.MemberRecord;

internal static class MemberRecordWebServiceCollectionExtensions
{
    public static IServiceCollection AddMemberRecord(this IServiceCollection services) => services
        .AddAdminMenuEntry("委员", "会议活动", "/admin/meetings", p => p.Can(Permissions.RecordDuties), 2)
        .AddAdminMenuEntry("委员", "履职积分", "/admin/duties", p => p.Can(Permissions.RecordDuties), 3);
}
