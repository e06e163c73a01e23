from planwatch.intake.pipeline import intake_text

PAGE = """Home | News | Politics | Services
Changchun New Area opens a service hall
2019-03-01 09:00  Source: Jilin Daily  Author:  Views: 1,024
The service hall of Changchun New Area opened on February 28 and handles company registration.
Previous post: Spring ploughing starts in the west of the province
Next post: Weather: snow expected on Sunday
上一篇：全省春耕生产全面展开
下一篇：长春发布降雪预报
Copyright © 2019 Jilin Online. All rights reserved. 吉ICP备05002018号
"""


def test_prev_and_next_lines_and_the_footer_are_not_in_the_body(gazetteer):
    record = intake_text(PAGE, gazetteer)
    assert record["body"] == (
        "The service hall of Changchun New Area opened on February 28 and handles company "
        "registration."
    )
    assert record["title"] == "Changchun New Area opens a service hall"
