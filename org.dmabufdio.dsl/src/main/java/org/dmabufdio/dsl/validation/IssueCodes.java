package org.dmabufdio.dsl.validation;

/** Issue codes of the language's diagnostics: quick fixes and tests key on them. */
public final class IssueCodes {

	private static final String PREFIX = "org.dmabufdio.dsl.";

	public static final String UNKNOWN_NAME = PREFIX + "unknown_name";
	public static final String USED_BEFORE_DEFINITION = PREFIX + "used_before_definition";
	public static final String DUPLICATE_NAME = PREFIX + "duplicate_name";
	public static final String BAD_NAME = PREFIX + "bad_name";
	public static final String UNKNOWN_KERNEL = PREFIX + "unknown_kernel";
	public static final String UNKNOWN_FEATURE = PREFIX + "unknown_feature";
	public static final String UNKNOWN_DEVICE = PREFIX + "unknown_device";
	public static final String UNKNOWN_DEVICE_PARAMETER = PREFIX + "unknown_device_parameter";
	public static final String BAD_DEVICE_VALUE = PREFIX + "bad_device_value";
	public static final String UNKNOWN_ERRNO = PREFIX + "unknown_errno";
	public static final String UNKNOWN_HAZARD = PREFIX + "unknown_hazard";
	public static final String UNKNOWN_FLAG = PREFIX + "unknown_flag";
	public static final String UNKNOWN_COUNTER = PREFIX + "unknown_counter";
	public static final String MISSING_UNIT = PREFIX + "missing_unit";
	public static final String BAD_SIZE = PREFIX + "bad_size";
	public static final String SIZE_BEYOND_RAM = PREFIX + "size_beyond_ram";
	public static final String DIRECT_IO_MISALIGNED = PREFIX + "direct_io_misaligned";
	public static final String READ_PAST_MAPPING = PREFIX + "read_past_mapping";
	public static final String DIRECTIVE_NOT_FIRST = PREFIX + "directive_not_first";
	public static final String SETUP_AFTER_BOOT = PREFIX + "setup_after_boot";
	public static final String STEP_AFTER_EXIT = PREFIX + "step_after_exit";
	public static final String SAME_LINE_WITHOUT_SEMICOLON = PREFIX + "same_line_without_semicolon";
	public static final String ASSERTION_NEVER_EVALUATED = PREFIX + "assertion_never_evaluated";
	public static final String NOTHING_TO_ACT_ON = PREFIX + "nothing_to_act_on";
	public static final String BAD_PARAM_VALUE = PREFIX + "bad_param_value";
	public static final String WRONG_ARGUMENTS = PREFIX + "wrong_arguments";
	public static final String IMPORT_CYCLE = PREFIX + "import_cycle";
	public static final String IMPORT_NOT_FOUND = PREFIX + "import_not_found";
	public static final String IMPORT_HAS_ERRORS = PREFIX + "import_has_errors";
	public static final String IMPORT_OUTSIDE_SUITE = PREFIX + "import_outside_suite";
	public static final String RECURSIVE_FRAGMENT = PREFIX + "recursive_fragment";
	public static final String TOO_MANY_INSTANCES = PREFIX + "too_many_instances";
	public static final String BAD_ROUNDS = PREFIX + "bad_rounds";
	public static final String BAD_TABLE = PREFIX + "bad_table";

	private IssueCodes() {
	}
}
