"""Background jobs of the accounts app (django-tasks, database backend)."""

from django_tasks import task

from planwatch.accounts.actions_channels import record_attempt
from planwatch.accounts.channels import Failure, post
from planwatch.accounts.models_channels import Delivery


@task()
def deliver(delivery_id: int, earlier: int = 0) -> str:
    """Post one delivery once and record the attempt (the record queues any retry).
    `earlier` counts the attempts made before the delivery was last (re)queued."""
    delivery = Delivery.objects.select_related("channel").filter(pk=delivery_id).first()
    if delivery is None or delivery.state != Delivery.State.PENDING:
        return "skipped"
    try:
        status = post(delivery)
    except Failure as failure:
        outcome = record_attempt(delivery_id, earlier, failure.error, failure.status)
    else:
        outcome = record_attempt(delivery_id, earlier, status=status)
    return outcome.state if outcome else "skipped"
