# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'user_form.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QWidget)

from sbpac_desktop.gui.widgets.pickers import PersonCombo

class Ui_UserForm(object):
    def setupUi(self, UserForm):
        if not UserForm.objectName():
            UserForm.setObjectName(u"UserForm")
        UserForm.resize(560, 300)
        self.form = QFormLayout(UserForm)
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setVerticalSpacing(8)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.loginLabel = QLabel(UserForm)
        self.loginLabel.setObjectName(u"loginLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.loginLabel)

        self.login = QLineEdit(UserForm)
        self.login.setObjectName(u"login")
        self.login.setMaxLength(63)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.login)

        self.displayNameLabel = QLabel(UserForm)
        self.displayNameLabel.setObjectName(u"displayNameLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.displayNameLabel)

        self.displayName = QLineEdit(UserForm)
        self.displayName.setObjectName(u"displayName")
        self.displayName.setMaxLength(200)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.displayName)

        self.roleLabel = QLabel(UserForm)
        self.roleLabel.setObjectName(u"roleLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.roleLabel)

        self.role = QComboBox(UserForm)
        self.role.setObjectName(u"role")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.role)

        self.personLabel = QLabel(UserForm)
        self.personLabel.setObjectName(u"personLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.personLabel)

        self.person = PersonCombo(UserForm)
        self.person.setObjectName(u"person")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.person)

        self.passwordLabel = QLabel(UserForm)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.password = QLineEdit(UserForm)
        self.password.setObjectName(u"password")
        self.password.setMaxLength(200)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.password)

        self.passwordAgainLabel = QLabel(UserForm)
        self.passwordAgainLabel.setObjectName(u"passwordAgainLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.passwordAgainLabel)

        self.passwordAgain = QLineEdit(UserForm)
        self.passwordAgain.setObjectName(u"passwordAgain")
        self.passwordAgain.setMaxLength(200)
        self.passwordAgain.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.passwordAgain)

#if QT_CONFIG(shortcut)
        self.loginLabel.setBuddy(self.login)
        self.displayNameLabel.setBuddy(self.displayName)
        self.roleLabel.setBuddy(self.role)
        self.personLabel.setBuddy(self.person)
        self.passwordLabel.setBuddy(self.password)
        self.passwordAgainLabel.setBuddy(self.passwordAgain)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.login, self.displayName)
        QWidget.setTabOrder(self.displayName, self.role)
        QWidget.setTabOrder(self.role, self.person)
        QWidget.setTabOrder(self.person, self.password)
        QWidget.setTabOrder(self.password, self.passwordAgain)

        self.retranslateUi(UserForm)

        QMetaObject.connectSlotsByName(UserForm)
    # setupUi

    def retranslateUi(self, UserForm):
        self.loginLabel.setText(QCoreApplication.translate("UserForm", u"\u0e0a\u0e37\u0e48\u0e2d\u0e1c\u0e39\u0e49\u0e43\u0e0a\u0e49 (\u0e43\u0e0a\u0e49\u0e25\u0e07\u0e0a\u0e37\u0e48\u0e2d\u0e40\u0e02\u0e49\u0e32\u0e43\u0e0a\u0e49)", None))
        self.login.setPlaceholderText(QCoreApplication.translate("UserForm", u"\u0e2d\u0e31\u0e01\u0e29\u0e23\u0e2d\u0e31\u0e07\u0e01\u0e24\u0e29\u0e15\u0e31\u0e27\u0e40\u0e25\u0e47\u0e01 \u0e15\u0e31\u0e27\u0e40\u0e25\u0e02 . _ - \u0e40\u0e0a\u0e48\u0e19 somchai.k", None))
        self.displayNameLabel.setText(QCoreApplication.translate("UserForm", u"\u0e0a\u0e37\u0e48\u0e2d\u0e17\u0e35\u0e48\u0e41\u0e2a\u0e14\u0e07", None))
        self.displayName.setPlaceholderText(QCoreApplication.translate("UserForm", u"\u0e40\u0e0a\u0e48\u0e19 \u0e19\u0e32\u0e22\u0e2a\u0e21\u0e0a\u0e32\u0e22 \u0e43\u0e08\u0e14\u0e35", None))
        self.roleLabel.setText(QCoreApplication.translate("UserForm", u"\u0e1a\u0e17\u0e1a\u0e32\u0e17", None))
#if QT_CONFIG(tooltip)
        self.role.setToolTip(QCoreApplication.translate("UserForm", u"\u0e1c\u0e39\u0e49\u0e14\u0e39\u0e41\u0e25\u0e23\u0e30\u0e1a\u0e1a: \u0e1a\u0e31\u0e0d\u0e0a\u0e35\u0e1c\u0e39\u0e49\u0e43\u0e0a\u0e49\u0e41\u0e25\u0e30\u0e01\u0e32\u0e23\u0e15\u0e31\u0e49\u0e07\u0e04\u0e48\u0e32 \u00b7 \u0e1d\u0e48\u0e32\u0e22\u0e40\u0e25\u0e02\u0e32\u0e19\u0e38\u0e01\u0e32\u0e23: \u0e01\u0e32\u0e23\u0e1b\u0e23\u0e30\u0e0a\u0e38\u0e21\u0e41\u0e25\u0e30\u0e02\u0e49\u0e2d\u0e2a\u0e31\u0e48\u0e07\u0e01\u0e32\u0e23 \u00b7 \u0e40\u0e08\u0e49\u0e32\u0e2b\u0e19\u0e49\u0e32\u0e17\u0e35\u0e48\u0e15\u0e34\u0e14\u0e15\u0e32\u0e21: \u0e23\u0e32\u0e22\u0e07\u0e32\u0e19\u0e1c\u0e25\u0e02\u0e2d\u0e07\u0e15\u0e33\u0e41\u0e2b\u0e19\u0e48\u0e07\u0e17\u0e35\u0e48\u0e15\u0e19\u0e14\u0e33\u0e23\u0e07 \u00b7 \u0e1c\u0e39\u0e49\u0e2d\u0e48\u0e32\u0e19\u0e2d\u0e22\u0e48\u0e32\u0e07\u0e40\u0e14\u0e35\u0e22\u0e27: \u0e14\u0e39\u0e02\u0e49\u0e2d\u0e21\u0e39\u0e25\u0e44\u0e14\u0e49\u0e2d\u0e22\u0e48\u0e32\u0e07\u0e40\u0e14\u0e35\u0e22\u0e27", None))
#endif // QT_CONFIG(tooltip)
        self.personLabel.setText(QCoreApplication.translate("UserForm", u"\u0e1a\u0e38\u0e04\u0e04\u0e25\u0e17\u0e35\u0e48\u0e1c\u0e39\u0e01\u0e01\u0e31\u0e1a\u0e1a\u0e31\u0e0d\u0e0a\u0e35", None))
#if QT_CONFIG(tooltip)
        self.person.setToolTip(QCoreApplication.translate("UserForm", u"\u0e40\u0e08\u0e49\u0e32\u0e2b\u0e19\u0e49\u0e32\u0e17\u0e35\u0e48\u0e15\u0e34\u0e14\u0e15\u0e32\u0e21\u0e15\u0e49\u0e2d\u0e07\u0e1c\u0e39\u0e01\u0e01\u0e31\u0e1a\u0e1a\u0e38\u0e04\u0e04\u0e25 \u0e08\u0e36\u0e07\u0e08\u0e30\u0e23\u0e32\u0e22\u0e07\u0e32\u0e19\u0e1c\u0e25\u0e02\u0e2d\u0e07\u0e15\u0e33\u0e41\u0e2b\u0e19\u0e48\u0e07\u0e17\u0e35\u0e48\u0e1a\u0e38\u0e04\u0e04\u0e25\u0e19\u0e31\u0e49\u0e19\u0e14\u0e33\u0e23\u0e07\u0e2d\u0e22\u0e39\u0e48\u0e44\u0e14\u0e49", None))
#endif // QT_CONFIG(tooltip)
        self.passwordLabel.setText(QCoreApplication.translate("UserForm", u"\u0e23\u0e2b\u0e31\u0e2a\u0e1c\u0e48\u0e32\u0e19", None))
        self.password.setPlaceholderText(QCoreApplication.translate("UserForm", u"\u0e2d\u0e22\u0e48\u0e32\u0e07\u0e19\u0e49\u0e2d\u0e22 8 \u0e15\u0e31\u0e27\u0e2d\u0e31\u0e01\u0e29\u0e23", None))
        self.passwordAgainLabel.setText(QCoreApplication.translate("UserForm", u"\u0e23\u0e2b\u0e31\u0e2a\u0e1c\u0e48\u0e32\u0e19\u0e2d\u0e35\u0e01\u0e04\u0e23\u0e31\u0e49\u0e07", None))
        pass
    # retranslateUi

