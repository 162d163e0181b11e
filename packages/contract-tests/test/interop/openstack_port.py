"""Drive Debian's openstacksdk against a Neutron endpoint, the way a user's teardown script would.

Run with /usr/bin/python3 (Debian's python3-openstacksdk is installed for that interpreter only).
The cloud comes from the clouds.yaml named by OS_CLIENT_CONFIG_FILE (cloud "mock"), the same file
`openstack --os-cloud mock` reads, so the SDK and the CLI see one configuration.

    openstack_port.py network-delete PORT_ID [--strict] [--if-revision N]
        conn.network.delete_port(PORT_ID, ignore_missing=not --strict, if_revision=N)
    openstack_port.py cloud-delete NAME_OR_ID
        conn.delete_port(NAME_OR_ID)  (find_port by id, then by name, then DELETE)

Prints one JSON object on stdout; exits 0 when the call returned, 1 when it raised.
"""

import argparse
import json
import sys

import openstack
from openstack import exceptions


def main() -> int:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="call", required=True)
    network = sub.add_parser("network-delete")
    network.add_argument("port")
    network.add_argument("--strict", action="store_true", help="ignore_missing=False")
    network.add_argument("--if-revision", type=int)
    cloud = sub.add_parser("cloud-delete")
    cloud.add_argument("name_or_id")
    args = parser.parse_args()

    conn = openstack.connect(cloud="mock")
    try:
        if args.call == "network-delete":
            result = conn.network.delete_port(
                args.port, ignore_missing=not args.strict, if_revision=args.if_revision
            )
            print(json.dumps({"returned": result}))
        else:
            print(json.dumps({"returned": conn.delete_port(args.name_or_id)}))
        return 0
    except exceptions.HttpException as error:
        # What the SDK tells its caller: the exception class, the status and the request id.
        print(
            json.dumps(
                {
                    "raised": type(error).__name__,
                    "status": error.status_code,
                    "requestId": error.request_id,
                    "message": str(error.details or error.message),
                }
            )
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
