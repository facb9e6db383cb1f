"""Checks template.yaml as CloudFormation will receive it: translated by SAM's own translator
(aws-sam-translator, the library inside the SAM CLI), so that what SAM adds on its own (roles,
managed policies, permissions, the API's stage) is checked too, not only what the YAML says.

Run with the SAM CLI's Python (it ships aws-sam-translator and PyYAML):
    ~/.cache/fiblab/sam-venv/bin/python template-tests/translated_template_test.py [template.yaml]
        [--translated-out FILE]   (also writes the translated template, for checkov)
Every rule is also run against a deliberately broken copy and must catch it. Prints one line per
test and a closing "N passed, N failed" line; exits non-zero on any failure.
"""

import copy
import json
import logging
import os
import sys
import traceback

os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
# the translator warns about its own unpublished usage metrics after every transform
logging.disable(logging.WARNING)

from samtranslator.translator.transform import transform  # noqa: E402
from samtranslator.yaml_helper import yaml_parse  # noqa: E402

# Actions that support no resource-level permission, so Resource "*" is the only possible
# resource. https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsx-ray.html
NO_RESOURCE_LEVEL = {
    "xray:PutTraceSegments": "X-Ray trace segments have no resource type: IAM accepts only Resource *",
    "xray:PutTelemetryRecords": "X-Ray telemetry records have no resource type: IAM accepts only Resource *",
}

ROUTE_ACCESS_LOG_FIELDS = ["requestId", "routeKey", "status", "latency", "integrationErrorMessage"]
SECONDS_PER_DAY = 86400


class ManagedPolicyLoader:
    """Stands in for the IAM call the SAM CLI makes to look up managed policy ARNs."""

    def load(self):
        return {}


def read_sam(path):
    with open(path, encoding="utf-8") as f:
        return yaml_parse(f.read())


def translate(sam, parameters=None):
    """CloudFormation that SAM makes of `sam`; CodeUri becomes an S3 URI as `sam package` would."""
    sam = copy.deepcopy(sam)
    sam.get("Globals", {}).get("Function", {}).pop("CodeUri", None)
    for resource in sam["Resources"].values():
        if resource.get("Type") == "AWS::Serverless::Function":
            resource["Properties"]["CodeUri"] = "s3://bucket/functions.zip"
    return transform(sam, parameters or {}, ManagedPolicyLoader())


# ---- small helpers over the translated template ------------------------------------------------

def resources(cfn, type_name):
    return {k: v for k, v in cfn["Resources"].items() if v.get("Type") == type_name}


def props(resource):
    return resource.get("Properties", {})


def ref_target(value):
    """The logical id of {"Ref": X} or {"Fn::GetAtt": [X, ...]}, else None."""
    if isinstance(value, dict) and len(value) == 1:
        if "Ref" in value:
            return value["Ref"]
        if "Fn::GetAtt" in value:
            att = value["Fn::GetAtt"]
            return att[0] if isinstance(att, list) else att.split(".")[0]
    return None


def branches(value):
    """Every value a node can take: both branches of Fn::If, AWS::NoValue dropped."""
    if isinstance(value, dict) and list(value) == ["Fn::If"]:
        out = []
        for branch in value["Fn::If"][1:]:
            out.extend(branches(branch))
        return out
    if value == {"Ref": "AWS::NoValue"}:
        return []
    return [value]


def as_list(value):
    return value if isinstance(value, list) else [value]


def parameter_default(cfn, name):
    return cfn["Parameters"][name].get("Default")


def parameter_max(cfn, name):
    return cfn["Parameters"][name].get("MaxValue")


def value_at_defaults(cfn, value):
    """A number or string as it is when every parameter keeps its default."""
    target = value.get("Ref") if isinstance(value, dict) else None
    if target and target in cfn.get("Parameters", {}):
        return parameter_default(cfn, target)
    return value


# ---- the rules: each returns a list of violations -----------------------------------------------

def policy_statements(cfn):
    """(owner, statement) for every statement of every inline and customer policy in the template."""
    found = []
    for name, role in resources(cfn, "AWS::IAM::Role").items():
        for policy in props(role).get("Policies", []):
            for statement in as_list(policy["PolicyDocument"]["Statement"]):
                found.extend((name, s) for s in branches(statement))
    for type_name in ("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"):
        for name, policy in resources(cfn, type_name).items():
            for statement in as_list(props(policy)["PolicyDocument"]["Statement"]):
                found.extend((name, s) for s in branches(statement))
    return found


def log_stream_arns(cfn):
    """Log-stream ARNs the template may name with a wildcard: the streams of its own log groups."""
    return {
        "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:${%s}:log-stream:*" % name
        for name in resources(cfn, "AWS::Logs::LogGroup")
    }


def check_least_privilege(cfn):
    violations = []
    for name, role in resources(cfn, "AWS::IAM::Role").items():
        for arn in props(role).get("ManagedPolicyArns", []):
            violations.append(f"{name}: managed policy {json.dumps(arn)} (AWS-managed policies grant on Resource *)")
    allowed_streams = log_stream_arns(cfn)
    for owner, statement in policy_statements(cfn):
        if statement.get("Effect") != "Allow":
            continue
        if "NotAction" in statement or "NotResource" in statement:
            violations.append(f"{owner}: NotAction/NotResource grants everything else")
        actions = [a for a in as_list(statement.get("Action", [])) if isinstance(a, str)]
        for action in actions:
            if "*" in action or "?" in action:
                violations.append(f"{owner}: wildcard action {action}")
        for resource in as_list(statement.get("Resource", [])):
            text = resource.get("Fn::Sub") if isinstance(resource, dict) else resource
            if not isinstance(text, str) or "*" not in text:
                continue
            if text == "*":
                unexplained = [a for a in actions if a not in NO_RESOURCE_LEVEL]
                if unexplained:
                    violations.append(f"{owner}: Resource * for {', '.join(unexplained)}")
            elif text not in allowed_streams:
                violations.append(f"{owner}: wildcard resource {text}")
    for name, function in resources(cfn, "AWS::Lambda::Function").items():
        role = ref_target(props(function).get("Role"))
        if role not in resources(cfn, "AWS::IAM::Role"):
            violations.append(f"{name}: its role is not one of this template's roles")
    return violations


def http_apis(cfn):
    return resources(cfn, "AWS::ApiGatewayV2::Api")


def route_keys(api):
    keys = []
    for path, item in props(api)["Body"]["paths"].items():
        for method in item:
            if method == "x-amazon-apigateway-any-method":
                keys.append("$default" if path == "$default" else f"ANY {path}")
            else:
                keys.append(f"{method.upper()} {path}")
    return keys


def stage_of(cfn, api_name):
    for name, stage in resources(cfn, "AWS::ApiGatewayV2::Stage").items():
        if ref_target(props(stage).get("ApiId")) == api_name:
            return name, stage
    return None, None


def check_throttling(cfn):
    violations = []
    for api_name, api in http_apis(cfn).items():
        stage_name, stage = stage_of(cfn, api_name)
        if stage is None:
            violations.append(f"{api_name}: no stage")
            continue
        default = props(stage).get("DefaultRouteSettings", {})
        for key in ("ThrottlingRateLimit", "ThrottlingBurstLimit"):
            if key not in default:
                violations.append(f"{stage_name}: DefaultRouteSettings without {key}")
        settings = props(stage).get("RouteSettings", {})
        for route in route_keys(api):
            for key in ("ThrottlingRateLimit", "ThrottlingBurstLimit"):
                if key not in settings.get(route, {}):
                    violations.append(f"{stage_name}: route {route} has no {key}")
        rate = {r: value_at_defaults(cfn, s.get("ThrottlingRateLimit")) for r, s in settings.items()}
        read = rate.get("GET /jobs/{jobId}")
        for tighter in ("GET /fib/{n}", "POST /jobs"):
            if tighter in rate and read is not None and not rate[tighter] < read:
                violations.append(f"{stage_name}: {tighter} allows {rate[tighter]}/s, not less than reads ({read}/s)")
        if "$default" in rate and any(rate["$default"] >= r for k, r in rate.items() if k != "$default"):
            violations.append(f"{stage_name}: $default is not the tightest route ({rate['$default']}/s)")
    return violations


def check_admission(cfn):
    """Every operation needs IAM auth unless AdmissionMode is explicitly open; iam is the default."""
    violations = []
    if parameter_default(cfn, "AdmissionMode") != "iam":
        violations.append("AdmissionMode does not default to iam")
    condition = cfn.get("Conditions", {}).get("IamAdmission")
    if condition != {"Fn::Equals": [{"Ref": "AdmissionMode"}, "iam"]}:
        violations.append(f"condition IamAdmission is not AdmissionMode = iam: {condition}")
    for api_name, api in http_apis(cfn).items():
        for path, item in props(api)["Body"]["paths"].items():
            for method, operation in item.items():
                security = operation.get("security")
                iam = {"Fn::If": ["IamAdmission", [{"AWS_IAM": []}], {"Ref": "AWS::NoValue"}]}
                if security != iam and security != [{"AWS_IAM": []}]:
                    violations.append(f"{api_name}: {method} {path} is not IAM-authorized by default: {security}")
        schemes = props(api)["Body"].get("components", {}).get("securitySchemes", {})
        if schemes.get("AWS_IAM", {}).get("x-amazon-apigateway-authtype") != "awsSigv4":
            violations.append(f"{api_name}: no AWS_IAM (awsSigv4) security scheme")
    return violations


def check_reserved_concurrency(cfn):
    return [
        f"{name}: no ReservedConcurrentExecutions"
        for name, function in resources(cfn, "AWS::Lambda::Function").items()
        if "ReservedConcurrentExecutions" not in props(function)
    ]


def job_queue(cfn):
    """The queue the API function sends jobs to (its QUEUE_URL)."""
    for function in resources(cfn, "AWS::Lambda::Function").values():
        variables = props(function).get("Environment", {}).get("Variables", {})
        if "QUEUE_URL" in variables and "JOB_TTL_DAYS" in variables:
            return ref_target(variables["QUEUE_URL"]), ref_target(variables["JOB_TTL_DAYS"])
    return None, None


def check_retention(cfn):
    violations = []
    queue_name, ttl_parameter = job_queue(cfn)
    if queue_name is None:
        return ["no function has QUEUE_URL and JOB_TTL_DAYS: cannot find the job queue"]
    queue = props(cfn["Resources"][queue_name])
    retention = queue.get("MessageRetentionPeriod", 4 * SECONDS_PER_DAY)
    longest_ttl = parameter_max(cfn, ttl_parameter)
    if longest_ttl is None or retention < longest_ttl * SECONDS_PER_DAY:
        violations.append(
            f"{queue_name}: keeps messages {retention} s, less than {ttl_parameter} allows "
            f"({longest_ttl} days): a backlog would expire, skip the DLQ and leave jobs PENDING")
    redrive = queue.get("RedrivePolicy", {})
    if value_at_defaults(cfn, redrive.get("maxReceiveCount")) != 5:
        violations.append(f"{queue_name}: maxReceiveCount does not default to 5")
    for name, table in resources(cfn, "AWS::DynamoDB::Table").items():
        for policy in ("DeletionPolicy", "UpdateReplacePolicy"):
            if table.get(policy) != "Retain":
                violations.append(f"{name}: {policy} is not Retain")
    return violations


def check_log_groups(cfn):
    violations = []
    groups = resources(cfn, "AWS::Logs::LogGroup")
    for name, group in groups.items():
        if "RetentionInDays" not in props(group):
            violations.append(f"{name}: no RetentionInDays (logs would never expire)")
    for name, function in resources(cfn, "AWS::Lambda::Function").items():
        logging = props(function).get("LoggingConfig", {})
        if logging.get("LogFormat") != "JSON":
            violations.append(f"{name}: LoggingConfig.LogFormat is not JSON")
        if "ApplicationLogLevel" not in logging or "SystemLogLevel" not in logging:
            violations.append(f"{name}: LoggingConfig without application and system log levels")
        if ref_target(logging.get("LogGroup")) not in groups:
            violations.append(f"{name}: does not log to a log group of this template")
    for api_name in http_apis(cfn):
        stage_name, stage = stage_of(cfn, api_name)
        access = props(stage or {}).get("AccessLogSettings", {})
        if ref_target(access.get("DestinationArn")) not in groups:
            violations.append(f"{stage_name}: access logs do not go to a log group of this template")
            continue
        try:
            fields = json.loads(access.get("Format", ""))
        except ValueError:
            violations.append(f"{stage_name}: access log format is not JSON")
            continue
        for field in ROUTE_ACCESS_LOG_FIELDS:
            if field not in fields:
                violations.append(f"{stage_name}: access log has no {field}")
    return violations


def alarms(cfn):
    """(namespace, metric, {dimension: logical id or value}, alarm) for every alarm."""
    found = []
    for name, alarm in resources(cfn, "AWS::CloudWatch::Alarm").items():
        p = props(alarm)
        dims = {d["Name"]: ref_target(d["Value"]) or d["Value"] for d in p.get("Dimensions", [])}
        found.append((p.get("Namespace"), p.get("MetricName"), dims, name, p))
    return found


def has_alarm(cfn, namespace, metric, **dimensions):
    return [
        (name, p) for ns, m, dims, name, p in alarms(cfn)
        if ns == namespace and m == metric and all(dims.get(k) == v for k, v in dimensions.items())
    ]


def check_alarms(cfn):
    violations = []
    for name in resources(cfn, "AWS::Lambda::Function"):
        for metric in ("Errors", "Throttles"):
            if not has_alarm(cfn, "AWS/Lambda", metric, FunctionName=name):
                violations.append(f"no {metric} alarm on {name}")
    queue_name, _ = job_queue(cfn)
    if queue_name:
        dlq = ref_target(props(cfn["Resources"][queue_name]).get("RedrivePolicy", {}).get("deadLetterTargetArn"))
        dlq_alarms = has_alarm(cfn, "AWS/SQS", "ApproximateNumberOfMessagesVisible", QueueName=dlq)
        if not any(p.get("Threshold") == 0 and p.get("ComparisonOperator") == "GreaterThanThreshold"
                   for _, p in dlq_alarms):
            violations.append(f"no alarm on the dead-letter queue {dlq} holding more than 0 messages")
        if not has_alarm(cfn, "AWS/SQS", "ApproximateAgeOfOldestMessage", QueueName=queue_name):
            violations.append(f"no alarm on the age of the oldest message in {queue_name}")
    for api_name in http_apis(cfn):
        if not has_alarm(cfn, "AWS/ApiGateway", "5xx", ApiId=api_name):
            violations.append(f"no 5xx alarm on {api_name}")
    for ns, metric, _, name, p in alarms(cfn):
        actions = p.get("AlarmActions")
        if actions != {"Fn::If": ["HasAlarmTopic", [{"Ref": "AlarmTopicArn"}], {"Ref": "AWS::NoValue"}]}:
            violations.append(f"{name}: does not notify the optional AlarmTopicArn")
    return violations


def check_snapstart(cfn):
    violations = []
    versions = {ref_target(props(v).get("FunctionName")) for v in resources(cfn, "AWS::Lambda::Version").values()}
    for name, function in resources(cfn, "AWS::Lambda::Function").items():
        if props(function).get("SnapStart", {}).get("ApplyOn") != "PublishedVersions":
            violations.append(f"{name}: SnapStart ApplyOn PublishedVersions is missing")
        if name not in versions:
            violations.append(f"{name}: no version is published, so SnapStart never applies (AutoPublishAlias)")
    return violations


RULES = [
    check_snapstart,
    check_least_privilege,
    check_admission,
    check_throttling,
    check_reserved_concurrency,
    check_retention,
    check_log_groups,
    check_alarms,
]


# ---- broken copies: each rule must catch its defect ----------------------------------------------

def break_with(change):
    def broken(sam):
        sam = copy.deepcopy(sam)
        change(sam)
        return sam
    return broken


def r(sam, name):
    return sam["Resources"][name]["Properties"]


def use_sam_role(sam):
    """The template as it was: SAM-generated role with the SQS event's managed policy."""
    del r(sam, "WorkerFunction")["Role"]
    del sam["Resources"]["WorkerFunctionRole"]
    del sam["Resources"]["WorkerFunctionThrottlesAlarm"]


def wildcard_action(sam):
    r(sam, "ApiFunctionRole")["Policies"][0]["PolicyDocument"]["Statement"][0]["Action"] = ["dynamodb:*"]


def wildcard_resource(sam):
    r(sam, "WorkerFunctionRole")["Policies"][0]["PolicyDocument"]["Statement"][1]["Resource"] = "*"


def open_by_default(sam):
    sam["Parameters"]["AdmissionMode"]["Default"] = "open"


def route_without_security(sam):
    del r(sam, "FibHttpApi")["DefinitionBody"]["paths"]["/jobs"]["post"]["security"]


def unthrottled_route(sam):
    del r(sam, "FibHttpApi")["RouteSettings"]["POST /jobs"]


def loose_inline_route(sam):
    sam["Parameters"]["InlineRateLimit"]["Default"] = sam["Parameters"]["ReadRateLimit"]["Default"]


def no_reserved_concurrency(sam):
    del r(sam, "WorkerFunction")["ReservedConcurrentExecutions"]


def short_retention(sam):
    r(sam, "JobsQueue")["MessageRetentionPeriod"] = 4 * SECONDS_PER_DAY


def table_deletable(sam):
    del sam["Resources"]["JobsTable"]["DeletionPolicy"]


def endless_logs(sam):
    del r(sam, "WorkerFunctionLogGroup")["RetentionInDays"]


def text_logs(sam):
    r(sam, "ApiFunction")["LoggingConfig"]["LogFormat"] = "Text"


def no_dlq_alarm(sam):
    del sam["Resources"]["DeadLetterQueueAlarm"]


def alarm_on_wrong_function(sam):
    r(sam, "WorkerFunctionThrottlesAlarm")["Dimensions"][0]["Value"] = {"Ref": "ApiFunction"}


def no_snapstart(sam):
    del sam["Globals"]["Function"]["SnapStart"]


BROKEN = [
    ("no SnapStart", no_snapstart, check_snapstart, "ApiFunction: SnapStart ApplyOn PublishedVersions is missing"),
    ("SAM's role for the SQS event", use_sam_role, check_least_privilege, "managed policy"),
    ("a wildcard action", wildcard_action, check_least_privilege, "wildcard action dynamodb:*"),
    ("Resource * on the queue actions", wildcard_resource, check_least_privilege, "Resource * for sqs:ReceiveMessage"),
    ("open admission by default", open_by_default, check_admission, "AdmissionMode does not default to iam"),
    ("a route without auth", route_without_security, check_admission, "post /jobs is not IAM-authorized"),
    ("an unthrottled route", unthrottled_route, check_throttling, "route POST /jobs has no ThrottlingRateLimit"),
    ("inline as loose as reads", loose_inline_route, check_throttling, "GET /fib/{n} allows 50/s"),
    ("no reserved concurrency", no_reserved_concurrency, check_reserved_concurrency, "WorkerFunction"),
    ("the default 4-day retention", short_retention, check_retention, "JobsQueue: keeps messages 345600 s"),
    ("a table without DeletionPolicy", table_deletable, check_retention, "JobsTable: DeletionPolicy"),
    ("a log group without retention", endless_logs, check_log_groups, "WorkerFunctionLogGroup: no RetentionInDays"),
    ("text logs", text_logs, check_log_groups, "ApiFunction: LoggingConfig.LogFormat is not JSON"),
    ("no DLQ alarm", no_dlq_alarm, check_alarms, "dead-letter queue JobsDeadLetterQueue"),
    ("an alarm on the wrong function", alarm_on_wrong_function, check_alarms, "no Throttles alarm on WorkerFunction"),
]


def main(argv):
    args = argv[1:]
    translated_out = None
    if "--translated-out" in args:
        at = args.index("--translated-out")
        translated_out = args[at + 1]
        del args[at:at + 2]
    template = args[0] if args else os.path.join(os.path.dirname(__file__), "..", "template.yaml")
    sam = read_sam(template)
    results = []
    if translated_out:
        # for scanners that should see what SAM adds (roles, policies, permissions, the stage)
        with open(translated_out, "w", encoding="utf-8") as out:
            json.dump(translate(sam), out, indent=1, default=str)

    def run(name, body):
        try:
            body()
            results.append((name, None))
            print(f"PASSED {name}")
        except Exception as failure:  # a test failure or a translator error, reported alike
            detail = str(failure) if isinstance(failure, AssertionError) else traceback.format_exc()
            results.append((name, detail))
            print(f"FAILED {name}\n    " + detail.strip().replace("\n", "\n    "))

    for mode in ({}, {"AdmissionMode": "open", "Tracing": "Active", "AlarmTopicArn": "arn:aws:sns:us-east-1:1:t"}):
        cfn = translate(sam, mode)
        for rule in RULES:
            def body(rule=rule, cfn=cfn):
                violations = rule(cfn)
                assert not violations, "\n".join(violations)
            run(f"{rule.__name__} {json.dumps(mode) if mode else '(defaults)'}", body)

    for description, change, rule, expected in BROKEN:
        def body(change=change, rule=rule, expected=expected):
            violations = rule(translate(break_with(change)(sam)))
            assert any(expected in v for v in violations), (
                f"expected a violation containing {expected!r}, got {violations}")
        run(f"{rule.__name__} catches {description}", body)

    failed = sum(1 for _, detail in results if detail)
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
