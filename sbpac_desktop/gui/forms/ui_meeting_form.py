# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'meeting_form.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QSizePolicy, QSpacerItem,
    QSpinBox, QWidget)

from sbpac_desktop.gui.widgets.be_date import BeDateEdit
from sbpac_desktop.gui.widgets.pickers import (IdCombo, PersonCombo)

class Ui_MeetingForm(object):
    def setupUi(self, MeetingForm):
        if not MeetingForm.objectName():
            MeetingForm.setObjectName(u"MeetingForm")
        MeetingForm.resize(760, 420)
        self.form = QFormLayout(MeetingForm)
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setVerticalSpacing(8)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.seriesLabel = QLabel(MeetingForm)
        self.seriesLabel.setObjectName(u"seriesLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.seriesLabel)

        self.series = IdCombo(MeetingForm)
        self.series.setObjectName(u"series")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.series)

        self.titleLabel = QLabel(MeetingForm)
        self.titleLabel.setObjectName(u"titleLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.title = QLineEdit(MeetingForm)
        self.title.setObjectName(u"title")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.title)

        self.numberLabel = QLabel(MeetingForm)
        self.numberLabel.setObjectName(u"numberLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.numberLabel)

        self.number = QSpinBox(MeetingForm)
        self.number.setObjectName(u"number")
        self.number.setMaximum(999)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.number)

        self.meetingDateLabel = QLabel(MeetingForm)
        self.meetingDateLabel.setObjectName(u"meetingDateLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.meetingDateLabel)

        self.meetingDate = BeDateEdit(MeetingForm)
        self.meetingDate.setObjectName(u"meetingDate")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.meetingDate)

        self.timeLabel = QLabel(MeetingForm)
        self.timeLabel.setObjectName(u"timeLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.timeLabel)

        self.times = QHBoxLayout()
        self.times.setSpacing(8)
        self.times.setObjectName(u"times")
        self.startTime = QLineEdit(MeetingForm)
        self.startTime.setObjectName(u"startTime")
        self.startTime.setMaximumSize(QSize(120, 16777215))

        self.times.addWidget(self.startTime)

        self.toLabel = QLabel(MeetingForm)
        self.toLabel.setObjectName(u"toLabel")

        self.times.addWidget(self.toLabel)

        self.endTime = QLineEdit(MeetingForm)
        self.endTime.setObjectName(u"endTime")
        self.endTime.setMaximumSize(QSize(120, 16777215))

        self.times.addWidget(self.endTime)

        self.hoursLabel = QLabel(MeetingForm)
        self.hoursLabel.setObjectName(u"hoursLabel")

        self.times.addWidget(self.hoursLabel)

        self.timesSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.times.addItem(self.timesSpacer)


        self.form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.times)

        self.venueLabel = QLabel(MeetingForm)
        self.venueLabel.setObjectName(u"venueLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.venueLabel)

        self.venue = QComboBox(MeetingForm)
        self.venue.setObjectName(u"venue")
        self.venue.setEditable(True)
        self.venue.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.venue)

        self.chairLabel = QLabel(MeetingForm)
        self.chairLabel.setObjectName(u"chairLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.chairLabel)

        self.chair = PersonCombo(MeetingForm)
        self.chair.setObjectName(u"chair")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.chair)

        self.recorderLabel = QLabel(MeetingForm)
        self.recorderLabel.setObjectName(u"recorderLabel")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.recorderLabel)

        self.recorder = PersonCombo(MeetingForm)
        self.recorder.setObjectName(u"recorder")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.recorder)

        self.recordingStyleLabel = QLabel(MeetingForm)
        self.recordingStyleLabel.setObjectName(u"recordingStyleLabel")

        self.form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.recordingStyleLabel)

        self.recordingStyle = QComboBox(MeetingForm)
        self.recordingStyle.setObjectName(u"recordingStyle")

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.recordingStyle)

#if QT_CONFIG(shortcut)
        self.seriesLabel.setBuddy(self.series)
        self.titleLabel.setBuddy(self.title)
        self.numberLabel.setBuddy(self.number)
        self.timeLabel.setBuddy(self.startTime)
        self.venueLabel.setBuddy(self.venue)
        self.chairLabel.setBuddy(self.chair)
        self.recorderLabel.setBuddy(self.recorder)
        self.recordingStyleLabel.setBuddy(self.recordingStyle)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.series, self.title)
        QWidget.setTabOrder(self.title, self.number)
        QWidget.setTabOrder(self.number, self.meetingDate)
        QWidget.setTabOrder(self.meetingDate, self.startTime)
        QWidget.setTabOrder(self.startTime, self.endTime)
        QWidget.setTabOrder(self.endTime, self.venue)
        QWidget.setTabOrder(self.venue, self.chair)
        QWidget.setTabOrder(self.chair, self.recorder)
        QWidget.setTabOrder(self.recorder, self.recordingStyle)

        self.retranslateUi(MeetingForm)

        QMetaObject.connectSlotsByName(MeetingForm)
    # setupUi

    def retranslateUi(self, MeetingForm):
        self.seriesLabel.setText(QCoreApplication.translate("MeetingForm", u"\u0e0a\u0e38\u0e14\u0e01\u0e32\u0e23\u0e1b\u0e23\u0e30\u0e0a\u0e38\u0e21", None))
        self.titleLabel.setText(QCoreApplication.translate("MeetingForm", u"\u0e0a\u0e37\u0e48\u0e2d\u0e01\u0e32\u0e23\u0e1b\u0e23\u0e30\u0e0a\u0e38\u0e21", None))
        self.numberLabel.setText(QCoreApplication.translate("MeetingForm", u"\u0e04\u0e23\u0e31\u0e49\u0e07\u0e17\u0e35\u0e48", None))
#if QT_CONFIG(tooltip)
        self.number.setToolTip(QCoreApplication.translate("MeetingForm", u"\u0e1b\u0e25\u0e48\u0e2d\u0e22\u0e40\u0e1b\u0e47\u0e19 \"\u0e2d\u0e31\u0e15\u0e42\u0e19\u0e21\u0e31\u0e15\u0e34\" \u0e40\u0e1e\u0e37\u0e48\u0e2d\u0e43\u0e0a\u0e49\u0e04\u0e23\u0e31\u0e49\u0e07\u0e17\u0e35\u0e48\u0e16\u0e31\u0e14\u0e44\u0e1b\u0e02\u0e2d\u0e07\u0e1b\u0e35\u0e1b\u0e0f\u0e34\u0e17\u0e34\u0e19", None))
#endif // QT_CONFIG(tooltip)
        self.number.setSpecialValueText(QCoreApplication.translate("MeetingForm", u"\u0e2d\u0e31\u0e15\u0e42\u0e19\u0e21\u0e31\u0e15\u0e34 (\u0e04\u0e23\u0e31\u0e49\u0e07\u0e16\u0e31\u0e14\u0e44\u0e1b\u0e02\u0e2d\u0e07\u0e1b\u0e35)", None))
        self.meetingDateLabel.setText(QCoreApplication.translate("MeetingForm", u"\u0e27\u0e31\u0e19\u0e17\u0e35\u0e48\u0e1b\u0e23\u0e30\u0e0a\u0e38\u0e21 (\u0e1e.\u0e28.)", None))
        self.timeLabel.setText(QCoreApplication.translate("MeetingForm", u"\u0e40\u0e27\u0e25\u0e32\u0e1b\u0e23\u0e30\u0e0a\u0e38\u0e21", None))
        self.startTime.setPlaceholderText(QCoreApplication.translate("MeetingForm", u"\u0e40\u0e0a\u0e48\u0e19 09.30", None))
        self.toLabel.setText(QCoreApplication.translate("MeetingForm", u"\u0e16\u0e36\u0e07", None))
        self.endTime.setPlaceholderText(QCoreApplication.translate("MeetingForm", u"\u0e40\u0e0a\u0e48\u0e19 09.30", None))
        self.hoursLabel.setText(QCoreApplication.translate("MeetingForm", u"\u0e19.", None))
        self.venueLabel.setText(QCoreApplication.translate("MeetingForm", u"\u0e2a\u0e16\u0e32\u0e19\u0e17\u0e35\u0e48", None))
        self.venue.setPlaceholderText(QCoreApplication.translate("MeetingForm", u"\u0e1e\u0e34\u0e21\u0e1e\u0e4c\u0e43\u0e2b\u0e21\u0e48 \u0e2b\u0e23\u0e37\u0e2d\u0e40\u0e25\u0e37\u0e2d\u0e01\u0e2a\u0e16\u0e32\u0e19\u0e17\u0e35\u0e48\u0e17\u0e35\u0e48\u0e40\u0e04\u0e22\u0e43\u0e0a\u0e49", None))
        self.chairLabel.setText(QCoreApplication.translate("MeetingForm", u"\u0e1b\u0e23\u0e30\u0e18\u0e32\u0e19\u0e01\u0e32\u0e23\u0e1b\u0e23\u0e30\u0e0a\u0e38\u0e21", None))
        self.recorderLabel.setText(QCoreApplication.translate("MeetingForm", u"\u0e1c\u0e39\u0e49\u0e08\u0e14\u0e23\u0e32\u0e22\u0e07\u0e32\u0e19\u0e01\u0e32\u0e23\u0e1b\u0e23\u0e30\u0e0a\u0e38\u0e21", None))
        self.recordingStyleLabel.setText(QCoreApplication.translate("MeetingForm", u"\u0e23\u0e39\u0e1b\u0e41\u0e1a\u0e1a\u0e01\u0e32\u0e23\u0e08\u0e14\u0e23\u0e32\u0e22\u0e07\u0e32\u0e19", None))
#if QT_CONFIG(tooltip)
        self.recordingStyle.setToolTip(QCoreApplication.translate("MeetingForm", u"\u0e41\u0e1a\u0e1a\u0e22\u0e48\u0e2d \u0e41\u0e1a\u0e1a\u0e25\u0e30\u0e40\u0e2d\u0e35\u0e22\u0e14 \u0e2b\u0e23\u0e37\u0e2d\u0e40\u0e09\u0e1e\u0e32\u0e30\u0e21\u0e15\u0e34", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

