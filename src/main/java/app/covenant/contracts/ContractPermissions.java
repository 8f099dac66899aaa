package app.covenant.contracts;

/**
 * The permission codes of the contracts module (CLM.md names {@code contract:create}, {@code contract:upload},
 * {@code approval:legal:act}, {@code approval:finance:act} and {@code approval:reject}); declared with their
 * default roles in {@link ContractsDeclarations}. ADMIN and SUPER_ADMIN hold every one.
 */
public final class ContractPermissions {

    /** See contracts: one's own and those shared with one. */
    public static final String READ = "contract:read";
    /** See every contract of the organization (legal, finance, administrators). */
    public static final String READ_ALL = "contract:read-all";
    /** Draft contracts from templates and edit one's drafts. */
    public static final String CREATE = "contract:create";
    /** Upload third-party paper and signed copies. */
    public static final String UPLOAD = "contract:upload";
    /** Send an approved contract to its counterparty. */
    public static final String SEND = "contract:send";
    /** Terminate an active contract; cancel any contract before it is active. */
    public static final String TERMINATE = "contract:terminate";
    /** Read the template library and use its templates. */
    public static final String TEMPLATE_READ = "template:read";
    /** Write, import and retire templates. */
    public static final String TEMPLATE_MANAGE = "template:manage";
    /** Decide legal approvals and escalate them to the head of legal. */
    public static final String LEGAL_ACT = "approval:legal:act";
    /** Decide legal approvals escalated to the head of legal (and return them). */
    public static final String LEGAL_HEAD = "approval:legal:head";
    /** Decide finance approvals. */
    public static final String FINANCE_ACT = "approval:finance:act";
    /** Reject a contract outright (terminal). */
    public static final String REJECT = "approval:reject";

    private ContractPermissions() {
    }
}
